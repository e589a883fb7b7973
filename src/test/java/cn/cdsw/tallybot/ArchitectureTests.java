package cn.cdsw.tallybot;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.query.Period;
import cn.cdsw.tallybot.query.RankBy;
import cn.cdsw.tallybot.query.Scope;

/**
 * The dependency rules of docs/architecture.md §6 (dependencies point inward), checked on
 * the compiled classes.
 */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("cn.cdsw.tallybot");

    @Test
    void platformRootDependsOnNothingElseInTallybot() {
        noClasses().that()
            .resideInAPackage("cn.cdsw.tallybot.platform")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.cdsw.tallybot.command..", "cn.cdsw.tallybot.report..",
                    "cn.cdsw.tallybot.conversation..", "cn.cdsw.tallybot.config..", "cn.cdsw.tallybot.coordination..",
                    "cn.cdsw.tallybot.api..", "cn.cdsw.tallybot.query..", "cn.cdsw.tallybot.summary..",
                    "cn.cdsw.tallybot.storage..")
            .check(CLASSES);
    }

    /**
     * The write path is the bottom layer: features use the ledger, the ledger knows no
     * feature.
     */
    @Test
    void storageDependsOnNothingElseInTallybot() {
        noClasses().that()
            .resideInAPackage("cn.cdsw.tallybot.storage..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.cdsw.tallybot.command..", "cn.cdsw.tallybot.report..",
                    "cn.cdsw.tallybot.conversation..", "cn.cdsw.tallybot.config..", "cn.cdsw.tallybot.coordination..",
                    "cn.cdsw.tallybot.api..", "cn.cdsw.tallybot.query..", "cn.cdsw.tallybot.summary..",
                    "cn.cdsw.tallybot.platform..", "cn.cdsw.tallybot.wording..")
            .check(CLASSES);
    }

    @Test
    void coreNeverSeesAPlatformAdapter() {
        noClasses().that()
            .resideOutsideOfPackage("cn.cdsw.tallybot.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.cdsw.tallybot.platform.(*)..")
            .check(CLASSES);
    }

    /**
     * The grammar says what it refused as a value; how the bot words it is not its
     * business.
     */
    @Test
    void parserIsPlainJava() {
        noClasses().that()
            .resideInAPackage("cn.cdsw.tallybot.command")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "java.sql..", "cn.cdsw.tallybot.conversation..",
                    "cn.cdsw.tallybot.platform..", "cn.cdsw.tallybot.wording..")
            .check(CLASSES);
    }

    /**
     * What users read is plain Java over the catalogue, testable without Spring; only its
     * bean wiring is not.
     */
    @Test
    void wordingIsPlainJavaApartFromItsWiring() {
        noClasses().that()
            .resideInAPackage("cn.cdsw.tallybot.wording")
            .and()
            .haveSimpleNameNotEndingWith("Configuration")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "java.sql..", "cn.cdsw.tallybot.conversation..",
                    "cn.cdsw.tallybot.platform..", "cn.cdsw.tallybot.summary..", "cn.cdsw.tallybot.api..")
            .check(CLASSES);
    }

    /** Queries answer with figures; the words around them are the wording module's. */
    @Test
    void queriesDoNotWordTheirAnswers() {
        noClasses().that()
            .resideInAPackage("cn.cdsw.tallybot.query")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.cdsw.tallybot.wording..")
            .check(CLASSES);
    }

    /**
     * Queries are answered alike whether they come from the chat, the admin API or the
     * evening summary, so those speak the query feature's own vocabulary ({@code Scope},
     * {@code Period}, {@code RankBy}) and never the parser's.
     */
    @Test
    void queriesAndTheirCallersDoNotNeedTheParser() {
        noClasses().that()
            .resideInAnyPackage("cn.cdsw.tallybot.query..", "cn.cdsw.tallybot.api..", "cn.cdsw.tallybot.summary..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.cdsw.tallybot.command..")
            .check(CLASSES);
    }

    /**
     * The parser produces the query vocabulary and may use nothing else of the query
     * feature: the services, repositories and replies there use Spring and SQL, which the
     * grammar must not ({@link #parserIsPlainJava}).
     */
    @Test
    void parserUsesOnlyTheQueryVocabulary() {
        noClasses().that()
            .resideInAPackage("cn.cdsw.tallybot.command")
            .should()
            .dependOnClassesThat(resideInAPackage("cn.cdsw.tallybot.query..")
                .and(not(belongToAnyOf(Scope.class, Period.class, RankBy.class))))
            .check(CLASSES);
    }

    /**
     * Each adapter stands alone: one platform's code never reaches into another's, so
     * adding or removing an adapter touches only its own package.
     */
    @Test
    void adaptersDoNotReachIntoEachOther() {
        slices().matching("cn.cdsw.tallybot.platform.(*)..").should().notDependOnEachOther().check(CLASSES);
    }

    /**
     * The features form layers: a feature that needs another must not be needed by it,
     * directly or around a circle, or neither could change or be tested without the
     * other.
     */
    @Test
    void featuresDoNotDependOnEachOtherInACircle() {
        slices().matching("cn.cdsw.tallybot.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyRepositoriesWriteSql() {
        noClasses().that()
            .haveSimpleNameNotEndingWith("Repository")
            .and()
            .resideOutsideOfPackage("cn.cdsw.tallybot")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
            .check(CLASSES);
    }

    /**
     * Meters live in one small *Metrics class per feature; the code that counts calls it,
     * not Micrometer.
     */
    @Test
    void onlyMetricsClassesAndTheirWiringSeeMicrometer() {
        noClasses().that()
            .haveSimpleNameNotEndingWith("Metrics")
            .and()
            .haveSimpleNameNotEndingWith("Configuration")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.micrometer..")
            .check(CLASSES);
    }

    @Test
    void onlyCoordinationRedisImportsLettuce() {
        noClasses().that()
            .resideOutsideOfPackage("cn.cdsw.tallybot.coordination.redis..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.lettuce..")
            .check(CLASSES);
    }

}
