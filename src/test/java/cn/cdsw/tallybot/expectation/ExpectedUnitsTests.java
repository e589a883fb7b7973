package cn.cdsw.tallybot.expectation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigLoader;
import cn.cdsw.tallybot.config.GroupConfig;
import cn.cdsw.tallybot.config.ReportingDays;
import cn.cdsw.tallybot.config.UnitDirectory;
import cn.cdsw.tallybot.report.SqliteTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expected units of the shipped units.yml and calendar, with a weekly unit added, and
 * campaigns stored in SQLite, on a fixed clock (Monday 30 November 2026).
 */
class ExpectedUnitsTests {

    static final BotConfig SHIPPED = BotConfigLoader.load(Path.of("bot-config"));

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    ExpectedUnits expected;

    @BeforeEach
    void setUp() {
        UnitDirectory units = new UnitDirectory(Map.of("锦江区", List.of("三圣街道社工站", "周报站"), "青羊区", List.of("琴台路社区社工室")),
                Map.of());
        UnitDirectory withWeekly = new UnitDirectory(units.unitsByDistrict(),
                reportingDays("锦江区", "周报站", new ReportingDays(null, null, Set.of(DayOfWeek.MONDAY))));
        BotConfig config = new BotConfig(SHIPPED.districts(), SHIPPED.metrics(), SHIPPED.materials(),
                SHIPPED.categories(), SHIPPED.commands(), SHIPPED.grammar(), SHIPPED.groups(), SHIPPED.coordinators(),
                withWeekly, SHIPPED.prose(), SHIPPED.calendar());
        expected = new ExpectedUnits(config,
                new CampaignRepository(JdbcClient.create(SqliteTestDatabase.migrated(dir))), CLOCK);
    }

    static Map<String, ReportingDays> reportingDays(String district, String unit, ReportingDays days) {
        return Map.of(UnitDirectory.key(district, unit), days);
    }

    static List<String> names(List<ExpectedUnit> units) {
        return units.stream().map(ExpectedUnit::name).toList();
    }

    @Test
    void aMondayExpectsEveryUnitAndTheWeeklyOneTuesdayNot() {
        assertThat(names(expected.on(MONDAY, null))).containsExactly("锦江区·三圣街道社工站", "锦江区·周报站", "青羊区·琴台路社区社工室");
        assertThat(names(expected.on(MONDAY.plusDays(1), null))).containsExactly("锦江区·三圣街道社工站", "青羊区·琴台路社区社工室");
        assertThat(expected.on(MONDAY.minusDays(1), null)).as("a Sunday").isEmpty();
    }

    @Test
    void aGroupThatExpectsWeekendsSeesTheSundayUnits() {
        GroupConfig weekends = new GroupConfig("onebot", "1", "群", true, null, new ReportingDays(true, null, Set.of()));

        assertThat(names(expected.on(MONDAY.minusDays(1), weekends))).containsExactly("锦江区·三圣街道社工站", "青羊区·琴台路社区社工室");
    }

    @Test
    void aStoredCampaignDecidesAndTheScheduleSaysWhoSetIt() {
        LocalDate saturday = LocalDate.of(2026, 12, 5);
        expected.set(null, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), true, "onebot", "9", "李协调");
        expected.set("锦江区", LocalDate.of(2026, 12, 5), null, false, "onebot", "9", "李协调");

        assertThat(names(expected.on(saturday, null))).containsExactly("青羊区·琴台路社区社工室");
        assertThat(expected.reportingDay(saturday)).isTrue();
        assertThat(expected.reportingDay(LocalDate.of(2027, 1, 2))).isFalse();
        assertThat(names(expected.during(LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 6))))
            .containsExactly("青羊区·琴台路社区社工室");
        assertThat(names(expected.during(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 30))))
            .as("the weekly unit reported Monday")
            .containsExactly("锦江区·三圣街道社工站", "锦江区·周报站", "青羊区·琴台路社区社工室");
        assertThat(expected.schedule(MONDAY)).hasSize(2)
            .allSatisfy(c -> assertThat(c.setByName()).isEqualTo("李协调"))
            .allSatisfy(c -> assertThat(c.setAt()).isEqualTo(CLOCK.instant()));
        assertThat(expected.schedule(LocalDate.of(2027, 2, 1))).as("the December campaign is over")
            .extracting(Campaign::district)
            .containsExactly("锦江区");
    }

}
