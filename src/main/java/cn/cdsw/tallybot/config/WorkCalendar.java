package cn.cdsw.tallybot.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The official calendar of {@code calendar.yml}: public holidays and the weekend days
 * that are working days instead (调休), per year (docs/reminders.md §1). A year the file
 * does not list has plain weekends and no holidays; {@link #missingYears} says which
 * years a start-up should warn about.
 */
public record WorkCalendar(Map<Integer, Year> years) {

    /** An empty calendar: weekends only. */
    public static final WorkCalendar NONE = new WorkCalendar(Map.of());

    public WorkCalendar {
        years = Collections.unmodifiableMap(new TreeMap<>(years));
    }

    /**
     * One year of the calendar.
     *
     * @param holidays every day off, the weekend days of a holiday included
     * @param workdays weekend days that are working days (调休)
     */
    public record Year(Set<LocalDate> holidays, Set<LocalDate> workdays) {

        public Year {
            holidays = Set.copyOf(holidays);
            workdays = Set.copyOf(workdays);
        }

    }

    public boolean isHoliday(LocalDate date) {
        Year year = years.get(date.getYear());
        return year != null && year.holidays().contains(date);
    }

    /** A Saturday or Sunday that is a working day (调休上班). */
    public boolean isAdjustedWorkday(LocalDate date) {
        Year year = years.get(date.getYear());
        return year != null && year.workdays().contains(date);
    }

    /** Monday to Friday unless a holiday, and the adjusted working weekend days. */
    public boolean isWorkingDay(LocalDate date) {
        if (isHoliday(date)) {
            return false;
        }
        return isAdjustedWorkday(date) || !isWeekend(date);
    }

    /** The years of {@code today} and the one after that the file does not list. */
    public List<Integer> missingYears(LocalDate today) {
        List<Integer> missing = new ArrayList<>();
        for (int year : List.of(today.getYear(), today.getYear() + 1)) {
            if (!years.containsKey(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

}
