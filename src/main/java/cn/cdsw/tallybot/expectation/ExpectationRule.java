package cn.cdsw.tallybot.expectation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.cdsw.tallybot.config.ReportingDays;
import cn.cdsw.tallybot.config.WorkCalendar;

/**
 * The one answer to "is this unit expected to report on date D?" (docs/reminders.md §2):
 * the campaign set last that covers the unit's district that day decides if there is one;
 * otherwise the unit's own reporting days, then its group's, then the working days of the
 * calendar. Plain Java: everything it needs is passed in.
 */
public record ExpectationRule(WorkCalendar calendar, List<Campaign> campaigns) {

    public ExpectationRule {
        campaigns = List.copyOf(campaigns);
    }

    public boolean expected(String district, LocalDate date, ReportingDays unit, ReportingDays group) {
        Optional<Campaign> campaign = deciding(district, date);
        if (campaign.isPresent()) {
            return campaign.get().on();
        }
        return unit.over(group).expectsOn(date, calendar);
    }

    /**
     * Whether the city reports at all on {@code date}: a working day, or a day a campaign
     * turned on anywhere.
     */
    public boolean reportingDay(LocalDate date) {
        boolean campaignOn = campaigns.stream()
            .anyMatch(c -> c.on() && !date.isBefore(c.from()) && (c.to() == null || !date.isAfter(c.to())));
        return campaignOn || calendar.isWorkingDay(date);
    }

    private Optional<Campaign> deciding(String district, LocalDate date) {
        return campaigns.stream()
            .filter(c -> c.covers(district, date))
            .max(Comparator.comparing(Campaign::setAt).thenComparingLong(Campaign::id));
    }

}
