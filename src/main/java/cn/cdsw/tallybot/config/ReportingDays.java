package cn.cdsw.tallybot.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * On which days a unit, or the units seen from a group, are expected to report
 * ({@code units.yml}, {@code groups.yml}; docs/reminders.md §2). Each field left unset
 * ({@code null}, or no weekdays) falls back to the next level: unit, then group, then the
 * default of working days only ({@link #DEFAULT}).
 *
 * @param weekends expected on Saturdays and Sundays that are not adjusted working days
 * @param holidays expected on public holidays
 * @param weekdays only these days of the week (a unit that reports weekly); empty means
 * any day the other two allow
 */
public record ReportingDays(@Nullable Boolean weekends, @Nullable Boolean holidays, Set<DayOfWeek> weekdays) {

    /** Nothing set: every question goes to the next level. */
    public static final ReportingDays UNSET = new ReportingDays(null, null, Set.of());

    /** Working days of the calendar, as a station reports unless told otherwise. */
    public static final ReportingDays DEFAULT = new ReportingDays(false, false, Set.of());

    public ReportingDays {
        weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
    }

    /** These settings, with what they leave unset taken from {@code fallback}. */
    public ReportingDays over(ReportingDays fallback) {
        return new ReportingDays(weekends != null ? weekends : fallback.weekends,
                holidays != null ? holidays : fallback.holidays, weekdays.isEmpty() ? fallback.weekdays : weekdays);
    }

    /**
     * Whether a report is expected on a day of {@code calendar}, by these settings alone
     * (a campaign may override them, docs/reminders.md §3). Unset fields count as the
     * default.
     */
    public boolean expectsOn(LocalDate date, WorkCalendar calendar) {
        ReportingDays days = over(DEFAULT);
        if (calendar.isHoliday(date)) {
            return days.holidays && (days.weekdays.isEmpty() || days.weekdays.contains(date.getDayOfWeek()));
        }
        if (!days.weekdays.isEmpty()) {
            // a weekly unit reports on its day, whatever the calendar moved around it
            return days.weekdays.contains(date.getDayOfWeek());
        }
        if (calendar.isAdjustedWorkday(date)) {
            return true;
        }
        return !WorkCalendar.isWeekend(date) || days.weekends;
    }

}
