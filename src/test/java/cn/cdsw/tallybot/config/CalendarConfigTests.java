package cn.cdsw.tallybot.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * calendar.yml as shipped (2026 as the State Council published it) and the reporting-day
 * settings of units.yml and groups.yml.
 */
class CalendarConfigTests {

    static final Path SHIPPED = Path.of("bot-config");

    @TempDir
    Path dir;

    @Test
    void theShippedCalendarKnowsTheHolidaysAndAdjustedWorkdaysOf2026() {
        WorkCalendar calendar = BotConfigLoader.load(SHIPPED).calendar();

        assertThat(calendar.isHoliday(LocalDate.of(2026, 10, 1))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).as("a Monday of 国庆节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).as("the last day of 春节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
        assertThat(calendar.isAdjustedWorkday(LocalDate.of(2026, 10, 10))).as("a Saturday worked").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).as("a Sunday worked").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).as("a plain Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 30))).as("a plain Monday").isTrue();
        assertThat(calendar.years().get(2026).holidays()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(calendar.years().get(2026).workdays()).hasSize(6)
            .allSatisfy(day -> assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @Test
    void saysWhichOfThisAndNextYearAreMissing() {
        WorkCalendar calendar = BotConfigLoader.load(SHIPPED).calendar();

        assertThat(calendar.missingYears(LocalDate.of(2026, 11, 30))).containsExactly(2027);
        assertThat(calendar.missingYears(LocalDate.of(2025, 12, 1))).containsExactly(2025);
        assertThat(WorkCalendar.NONE.missingYears(LocalDate.of(2026, 1, 1))).containsExactly(2026, 2027);
    }

    @Test
    void aMissingCalendarMeansPlainWeekends() throws IOException {
        copyShipped();
        Files.delete(dir.resolve("calendar.yml"));

        WorkCalendar calendar = BotConfigLoader.load(dir).calendar();

        assertThat(calendar.years()).isEmpty();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue();
    }

    @Test
    void refusesAWorkdayThatIsNoWeekendDayWithFileAndLine() throws IOException {
        copyShipped();
        replace("calendar.yml", "- 2026-10-10", "- 2026-10-09");

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("calendar.yml")
            .hasMessageContaining("2026-10-09 is a FRIDAY");
    }

    @Test
    void refusesADateOutsideItsYear() throws IOException {
        copyShipped();
        replace("calendar.yml", "to: 2026-10-07", "to: 2027-10-07");

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("2027-10-07 is not in 2026");
    }

    @Test
    void readsReportingDaysOfUnitsAndGroupsAndGroupReminderTimes() throws IOException {
        copyShipped();
        replace("units.yml", "青羊区: [琴台路社区社工室]",
                "青羊区: [琴台路社区社工室, {name: 周报社工站, weekdays: [周一, 星期三]}, {name: 值班站, weekends: true, holidays: true}]");
        replace("groups.yml", "    name: 街道社区用户群\n    summary: true",
                "    name: 街道社区用户群\n    summary: true\n    reminders: [\"16:30\"]\n    weekends: true");

        BotConfig config = BotConfigLoader.load(dir);

        UnitDirectory units = config.unitDirectory();
        assertThat(units.unitsOf("青羊区")).containsExactly("琴台路社区社工室", "周报社工站", "值班站");
        assertThat(units.reportingDaysOf("青羊区", "周报社工站"))
            .isEqualTo(new ReportingDays(null, null, Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)));
        assertThat(units.reportingDaysOf("青羊区", "值班站")).isEqualTo(new ReportingDays(true, true, Set.of()));
        assertThat(units.reportingDaysOf("青羊区", "琴台路社区社工室")).isEqualTo(ReportingDays.UNSET);
        GroupConfig streets = config.groups().find("onebot", "639921629").orElseThrow();
        assertThat(streets.reminderTimes()).containsExactly(LocalTime.of(16, 30));
        assertThat(streets.reportingDays().weekends()).isTrue();
        GroupConfig stations = config.groups().find("onebot", "1418159967").orElseThrow();
        assertThat(stations.reminderTimes()).as("the default applies").isNull();
        assertThat(stations.reportingDays()).isEqualTo(ReportingDays.UNSET);
    }

    @Test
    void refusesAnUnknownWeekday() throws IOException {
        copyShipped();
        replace("units.yml", "青羊区: [琴台路社区社工室]", "青羊区: [{name: 琴台路社区社工室, weekdays: [周八]}]");

        assertThatThrownBy(() -> BotConfigLoader.load(dir)).isInstanceOf(BotConfigException.class)
            .hasMessageContaining("units.yml")
            .hasMessageContaining("unknown weekday '周八'");
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private void copyShipped() throws IOException {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
    }

}
