package cn.cdsw.tallybot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.cdsw.tallybot.platform.SenderRole;

class BotConfigLoaderTests {

    static final Path SHIPPED = Path.of("bot-config");

    @TempDir
    Path dir;

    @Test
    void loadsTheShippedConfiguration() {
        BotConfig config = BotConfigLoader.load(SHIPPED);

        assertThat(config.districts().all()).hasSize(23);
        assertThat(config.districts().resolve("锦江").orElseThrow().name()).isEqualTo("锦江区");
        assertThat(config.districts().resolve("高新").orElseThrow().name()).isEqualTo("高新区");
        assertThat(config.districts().resolve("天府").orElseThrow().name()).isEqualTo("天府新区");
        assertThat(config.districts().resolve("简阳").orElseThrow().name()).isEqualTo("简阳市");
        assertThat(config.metrics().byWord("入户走访").orElseThrow().key()).isEqualTo("visits");
        assertThat(config.metrics().byKey("calls").orElseThrow().canonicalUnit("通")).contains("次");
        assertThat(config.metrics().byKey("visits").orElseThrow().ceiling()).isEqualTo(100_000);
        assertThat(config.commands().lookup("填报")).contains(CommandType.REPORT);
        assertThat(config.commands().lookup("REPORT")).contains(CommandType.REPORT);
        assertThat(config.grammar().field("物资合计")).contains(ReportField.MATERIALS_TOTAL);
        assertThat(config.groups().find("onebot", "1418159967").orElseThrow().summary()).isTrue();
        assertThat(config.groups().summaryGroups()).hasSize(2);
        assertThat(config.categories()).containsExactly("重点人群", "资源链接", "宣传倡导", "联防联控");
        assertThat(config.coordinators().isCoordinator("onebot", "1", SenderRole.ADMIN)).isTrue();
        assertThat(config.coordinators().isCoordinator("onebot", "1", SenderRole.MEMBER)).isFalse();
    }

    @Test
    void suggestsNearestDistrictsForATypo() {
        DistrictDirectory districts = BotConfigLoader.load(SHIPPED).districts();

        assertThat(districts.nearest("金午区", 3)).startsWith("金牛区");
        assertThat(districts.nearest("完全不像", 3)).isEmpty();
    }

    @Test
    void refusesADuplicateAliasNamingFileAndLine() throws IOException {
        copyShipped();
        Path districts = dir.resolve("districts.yml");
        Files.writeString(districts,
                Files.readString(districts, StandardCharsets.UTF_8).replace("aliases: [青羊]", "aliases: [青羊, 锦江]"),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("districts.yml:7")
            .hasMessageContaining("duplicate district name or alias '锦江'")
            .hasMessageContaining("districts.yml:5");
    }

    @Test
    void refusesAUnitSynonymPointingAtAnUnknownUnit() throws IOException {
        copyShipped();
        Path metrics = dir.resolve("metrics.yml");
        Files.writeString(metrics, Files.readString(metrics, StandardCharsets.UTF_8)
            .replace("unit-synonyms: {趟: 次}", "unit-synonyms: {趟: 回}"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("metrics.yml:13")
            .hasMessageContaining("unknown unit '回'");
    }

    @Test
    void refusesAFieldNameThatIsAlsoAMetricWord() throws IOException {
        copyShipped();
        Path grammar = dir.resolve("grammar.yml");
        Files.writeString(grammar,
                Files.readString(grammar, StandardCharsets.UTF_8).replace("note: [备注, 说明]", "note: [备注, 说明, 走访]"),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("grammar.yml:")
            .hasMessageContaining("'走访' is also a metric word");
    }

    @Test
    void acceptsAFieldWithoutWordsAndStillRefusesAnUnknownField() throws IOException {
        copyShipped();
        Path grammar = dir.resolve("grammar.yml");
        String shipped = Files.readString(grammar, StandardCharsets.UTF_8);
        Files.writeString(grammar, shipped.replace("note: [备注, 说明]", "note: []"), StandardCharsets.UTF_8);

        assertThat(BotConfigLoader.load(dir).grammar().field("备注")).isEmpty();

        Files.writeString(grammar, shipped.replace("note: [备注, 说明]", "note: [备注, 说明]\n  remark: [附言]"),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("unknown field 'remark'");
    }

    @Test
    void loadsTheProseVocabulary() {
        ProseVocabulary prose = BotConfigLoader.load(SHIPPED).prose();

        assertThat(prose.metricCues()).containsEntry("线上电话", "calls").containsEntry("实地走访", "visits");
        assertThat(prose.fillers()).contains("了", "共计", "提供");
        assertThat(prose.itemIntros()).contains("其中", "发放");
        assertThat(prose.valueWords()).contains("总价值", "折合人民币");
        assertThat(prose.confirmWords()).contains("确认", "ok");
        assertThat(prose.cancelWords()).contains("取消");
    }

    @Test
    void refusesACueWordForAnUnknownMetricNamingFileAndLine() throws IOException {
        copyShipped();
        Path prose = dir.resolve("prose.yml");
        String text = Files.readString(prose, StandardCharsets.UTF_8);
        Files.writeString(prose, text.replace("线上电话: calls", "线上电话: phone"), StandardCharsets.UTF_8);
        int line = lineOf(text, "线上电话: calls");

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("prose.yml:" + line)
            .hasMessageContaining("unknown metric key 'phone'");
    }

    @Test
    void refusesACueWordThatAlreadyIntroducesAnotherMetric() throws IOException {
        copyShipped();
        Path prose = dir.resolve("prose.yml");
        Files.writeString(prose,
                Files.readString(prose, StandardCharsets.UTF_8).replace("\n  探视: visits", "\n  走访: calls"),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("prose.yml:")
            .hasMessageContaining("'走访' is already a word of metric 'visits'");
    }

    @Test
    void refusesAnAnswerThatBothConfirmsAndCancels() throws IOException {
        copyShipped();
        Path prose = dir.resolve("prose.yml");
        Files.writeString(prose,
                Files.readString(prose, StandardCharsets.UTF_8).replace("cancel-words: [取消,", "cancel-words: [OK, 取消,"),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("prose.yml:")
            .hasMessageContaining("duplicate answer word 'ok'");
    }

    @Test
    void loadsTheBulletinLimitsAndRefusesOneOutOfRange() throws IOException {
        BulletinVocabulary bulletin = BotConfigLoader.load(SHIPPED).prose().bulletin();
        assertThat(bulletin.maxStations()).isEqualTo(20);
        assertThat(bulletin.maxCharacters()).isEqualTo(6000);
        assertThat(bulletin.pictureExtensions()).contains("jpg", "png");

        copyShipped();
        Path prose = dir.resolve("prose.yml");
        Files.writeString(prose,
                Files.readString(prose, StandardCharsets.UTF_8).replace("max-stations: 20", "max-stations: 1"),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("prose.yml:")
            .hasMessageContaining("bulletin max-stations must be between 2 and 100000, found 1");
    }

    private static int lineOf(String text, String fragment) {
        return text.substring(0, text.indexOf(fragment)).split("\n", -1).length;
    }

    @Test
    void refusesAMissingDirectoryWithAHint() {
        assertThatThrownBy(() -> BotConfigLoader.load(dir.resolve("nope"))).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("TALLYBOT_CONFIG_DIR");
    }

    @Test
    void refusesBrokenYaml() throws IOException {
        copyShipped();
        Files.writeString(dir.resolve("groups.yml"), "groups: [\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("groups.yml: not valid YAML");
    }

    @Test
    void refusesAMisspelledKeyNamingTheNearestKnownOne() throws IOException {
        copyShipped();
        replace("groups.yml", "    summary: true\n", "    sumary: true\n");

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("groups.yml:6: unknown key 'sumary'; did you mean 'summary'?");
    }

    @Test
    void refusesAnUnknownKeyInADistrictEntry() throws IOException {
        copyShipped();
        replace("districts.yml", "    aliases: [锦江]", "    alias: [锦江]");

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("districts.yml:5: unknown key 'alias'; did you mean 'aliases'?");
    }

    @Test
    void refusesAnUnknownTopLevelKeyListingTheKnownOnes() throws IOException {
        copyShipped();
        Files.writeString(dir.resolve("categories.yml"), "categories: [重点人群]\ncategory: [资源链接]\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("categories.yml:2: unknown key 'category'; did you mean 'categories'?");
    }

    @Test
    void refusesADuplicateKeyInsteadOfLettingTheFirstWin() throws IOException {
        copyShipped();
        replace("groups.yml", "    summary: true\n", "    summary: true\n    summary: false\n");

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("groups.yml:7: duplicate key 'summary' (first at line 6)");
    }

    @Test
    void refusesAnEmptyGroupList() throws IOException {
        copyShipped();
        Files.writeString(dir.resolve("groups.yml"), "groups: []\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("groups.yml:1: no groups listed: the bot would ignore every message");
    }

    @Test
    void acceptsACoordinatorWithAName() throws IOException {
        copyShipped();
        replace("coordinators.yml", "coordinators: []",
                "coordinators:\n  - platform: onebot\n    user-id: \"12345678\"\n    name: 锦江区协调员");

        assertThat(BotConfigLoader.load(dir).coordinators().isCoordinator("onebot", "12345678", SenderRole.MEMBER))
            .isTrue();
    }

    @Test
    void theUnitsFileMayBeMissingOrEmpty() throws IOException {
        copyShipped();
        Files.delete(dir.resolve("units.yml"));

        assertThat(BotConfigLoader.load(dir).unitDirectory().unitsByDistrict()).isEmpty();

        Files.writeString(dir.resolve("units.yml"), "# 还没有名单\n", StandardCharsets.UTF_8);

        assertThat(BotConfigLoader.load(dir).unitDirectory().unitsByDistrict()).isEmpty();
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).as("%s holds %s", file, from).contains(from);
        Files.writeString(path,
                text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)),
                StandardCharsets.UTF_8);
    }

    private void copyShipped() throws IOException {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }

}
