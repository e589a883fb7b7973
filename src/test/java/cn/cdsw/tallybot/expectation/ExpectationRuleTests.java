package cn.cdsw.tallybot.expectation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import cn.cdsw.tallybot.config.BotConfigLoader;
import cn.cdsw.tallybot.config.ReportingDays;
import cn.cdsw.tallybot.config.WorkCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Is this unit expected on date D?" with the shipped 2026 calendar, on a fixed clock:
 * "today" is the day the test is about.
 */
class ExpectationRuleTests {

    static final WorkCalendar CALENDAR = BotConfigLoader.load(Path.of("bot-config")).calendar();

    static final ReportingDays WEEKLY_MONDAY = new ReportingDays(null, null, Set.of(DayOfWeek.MONDAY));

    static final Clock NATIONAL_DAY = fixed("2026-10-01T17:00:00");

    static final Clock ADJUSTED_SATURDAY = fixed("2026-10-10T17:00:00");

    static final Clock PLAIN_SATURDAY = fixed("2026-11-28T17:00:00");

    static final Clock MONDAY = fixed("2026-11-30T17:00:00");

    static Clock fixed(String localDateTime) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        return Clock.fixed(java.time.LocalDateTime.parse(localDateTime).atZone(zone).toInstant(), zone);
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    final ExpectationRule noCampaigns = new ExpectationRule(CALENDAR, List.of());

    @Test
    void nobodyIsExpectedOnAHolidayUnlessTheyReportOnHolidays() {
        LocalDate day = today(NATIONAL_DAY);

        assertThat(noCampaigns.expected("锦江区", day, ReportingDays.UNSET, ReportingDays.UNSET)).isFalse();
        assertThat(noCampaigns.expected("锦江区", day, new ReportingDays(null, true, Set.of()), ReportingDays.UNSET))
            .isTrue();
        assertThat(noCampaigns.expected("锦江区", day, ReportingDays.UNSET, new ReportingDays(true, null, Set.of())))
            .as("weekends: true does not reach holidays")
            .isFalse();
        assertThat(noCampaigns.reportingDay(day)).isFalse();
    }

    @Test
    void anAdjustedWorkingSaturdayExpectsEveryDailyUnit() {
        LocalDate day = today(ADJUSTED_SATURDAY);

        assertThat(day.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(noCampaigns.expected("锦江区", day, ReportingDays.UNSET, ReportingDays.UNSET)).isTrue();
        assertThat(noCampaigns.expected("锦江区", day, WEEKLY_MONDAY, ReportingDays.UNSET))
            .as("a weekly unit keeps its day")
            .isFalse();
        assertThat(noCampaigns.reportingDay(day)).isTrue();
    }

    @Test
    void aPlainSaturdayExpectsOnlyWhoReportsOnWeekends() {
        LocalDate day = today(PLAIN_SATURDAY);

        assertThat(noCampaigns.expected("锦江区", day, ReportingDays.UNSET, ReportingDays.UNSET)).isFalse();
        assertThat(noCampaigns.expected("锦江区", day, ReportingDays.UNSET, new ReportingDays(true, null, Set.of())))
            .as("the group's setting")
            .isTrue();
        assertThat(noCampaigns.expected("锦江区", day, new ReportingDays(false, null, Set.of()),
                new ReportingDays(true, null, Set.of())))
            .as("the unit's own setting wins over the group's")
            .isFalse();
    }

    @Test
    void aWeeklyUnitIsExpectedOnItsDayOnly() {
        LocalDate monday = today(MONDAY);

        assertThat(noCampaigns.expected("锦江区", monday, WEEKLY_MONDAY, ReportingDays.UNSET)).isTrue();
        assertThat(noCampaigns.expected("锦江区", monday.plusDays(1), WEEKLY_MONDAY, ReportingDays.UNSET)).isFalse();
        assertThat(noCampaigns.expected("锦江区", LocalDate.of(2026, 10, 5), WEEKLY_MONDAY, ReportingDays.UNSET))
            .as("a Monday inside 国庆节")
            .isFalse();
    }

    @Test
    void aCampaignRangeOverridesTheCalendarAndTheLastSetWins() {
        Campaign cityOn = campaign(1, null, "2026-12-01", "2026-12-31", true, "2026-11-30T01:00:00Z");
        Campaign jinjiangOff = campaign(2, "锦江区", "2026-12-10", null, false, "2026-11-30T02:00:00Z");
        ExpectationRule rule = new ExpectationRule(CALENDAR, List.of(cityOn, jinjiangOff));
        LocalDate sunday = LocalDate.of(2026, 12, 6);

        assertThat(rule.expected("青羊区", sunday, ReportingDays.UNSET, ReportingDays.UNSET)).as("a Sunday in range")
            .isTrue();
        assertThat(rule.expected("青羊区", sunday, WEEKLY_MONDAY, ReportingDays.UNSET)).as("weekly units too").isTrue();
        assertThat(rule.expected("锦江区", sunday, ReportingDays.UNSET, ReportingDays.UNSET)).isTrue();
        assertThat(rule.expected("锦江区", LocalDate.of(2026, 12, 14), ReportingDays.UNSET, ReportingDays.UNSET))
            .as("锦江区 turned off later")
            .isFalse();
        assertThat(rule.expected("青羊区", LocalDate.of(2027, 1, 2), ReportingDays.UNSET, ReportingDays.UNSET))
            .as("after the range: a Saturday again")
            .isFalse();
        assertThat(rule.expected("青羊区", LocalDate.of(2026, 11, 30), ReportingDays.UNSET, ReportingDays.UNSET))
            .as("before the range: a Monday")
            .isTrue();
        assertThat(rule.reportingDay(sunday)).isTrue();

        Campaign cityOnAgain = campaign(3, null, "2026-12-01", "2026-12-31", true, "2026-11-30T03:00:00Z");
        assertThat(new ExpectationRule(CALENDAR, List.of(cityOn, jinjiangOff, cityOnAgain)).expected("锦江区",
                LocalDate.of(2026, 12, 14), ReportingDays.UNSET, ReportingDays.UNSET))
            .as("set last")
            .isTrue();
    }

    static Campaign campaign(long id, String district, String from, String to, boolean on, String at) {
        return new Campaign(id, district, LocalDate.parse(from), to == null ? null : LocalDate.parse(to), on, "onebot",
                "1", "协调员", Instant.parse(at));
    }

}
