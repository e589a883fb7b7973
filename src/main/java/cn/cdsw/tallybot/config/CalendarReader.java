package cn.cdsw.tallybot.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads {@code calendar.yml} and the reporting-day settings of {@code units.yml} and
 * {@code groups.yml} (docs/reminders.md §1, §2). Dates are ISO ({@code 2026-10-01});
 * weekdays are 周一 … 周日 (星期一 and Monday are read too).
 */
final class CalendarReader {

    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();

    private CalendarReader() {
    }

    static WorkCalendar read(@Nullable YamlNode file) {
        YamlNode years = file == null ? null : file.get("years");
        if (years == null) {
            return WorkCalendar.NONE;
        }
        Map<Integer, WorkCalendar.Year> calendar = new LinkedHashMap<>();
        years.entries().forEach((key, year) -> {
            int number = year(key, year);
            Set<LocalDate> holidays = new HashSet<>();
            YamlNode holidayList = year.get("holidays");
            for (YamlNode holiday : holidayList == null ? List.<YamlNode>of() : holidayList.list()) {
                holiday.require("name").text();
                LocalDate from = date(holiday.require("from"), number);
                YamlNode toNode = holiday.get("to");
                LocalDate to = toNode == null ? from : date(toNode, number);
                if (to.isBefore(from)) {
                    throw toNode.error("'to' " + to + " is before 'from' " + from);
                }
                for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                    holidays.add(day);
                }
            }
            Set<LocalDate> workdays = new HashSet<>();
            YamlNode workdayList = year.get("workdays");
            for (YamlNode workday : workdayList == null ? List.<YamlNode>of() : workdayList.list()) {
                LocalDate day = date(workday, number);
                if (!WorkCalendar.isWeekend(day)) {
                    throw workday.error(day + " is a " + day.getDayOfWeek()
                            + ", a working day anyway; workdays lists the weekend days worked instead (调休)");
                }
                if (holidays.contains(day)) {
                    throw workday.error(day + " is listed as a holiday too");
                }
                workdays.add(day);
            }
            calendar.put(number, new WorkCalendar.Year(holidays, workdays));
        });
        return new WorkCalendar(calendar);
    }

    /**
     * The {@code weekends}, {@code holidays} and {@code weekdays} keys of a unit or group
     * entry; unset where absent.
     */
    static ReportingDays reportingDays(YamlNode entry) {
        YamlNode weekends = entry.get("weekends");
        YamlNode holidays = entry.get("holidays");
        YamlNode weekdays = entry.get("weekdays");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (YamlNode day : weekdays == null ? List.<YamlNode>of() : weekdays.list()) {
            DayOfWeek dayOfWeek = WEEKDAYS.get(day.text().toLowerCase(Locale.ROOT));
            if (dayOfWeek == null) {
                throw day.error("unknown weekday '" + day.text() + "' (周一 … 周日)");
            }
            days.add(dayOfWeek);
        }
        return new ReportingDays(weekends == null ? null : weekends.bool(), holidays == null ? null : holidays.bool(),
                days);
    }

    /**
     * A list of local times such as {@code ["17:00", "19:00"]}; empty turns reminders
     * off.
     */
    static List<LocalTime> times(YamlNode list) {
        List<LocalTime> times = new ArrayList<>();
        for (YamlNode time : list.list()) {
            try {
                LocalTime parsed = LocalTime.parse(time.text());
                if (times.contains(parsed)) {
                    throw time.error("time " + parsed + " is listed twice");
                }
                times.add(parsed);
            }
            catch (DateTimeParseException e) {
                throw time.error("expected a time such as 17:00, found '" + time.text() + "'");
            }
        }
        return times;
    }

    private static int year(String key, YamlNode at) {
        try {
            int year = Integer.parseInt(key);
            if (year < 2000 || year > 2100) {
                throw at.error("year " + key + " is out of range");
            }
            return year;
        }
        catch (NumberFormatException e) {
            throw at.error("expected a year such as 2027, found '" + key + "'");
        }
    }

    private static LocalDate date(YamlNode node, int year) {
        LocalDate date;
        try {
            date = LocalDate.parse(node.text());
        }
        catch (DateTimeException e) {
            throw node.error("expected a date such as " + year + "-10-01, found '" + node.text() + "'");
        }
        if (date.getYear() != year) {
            throw node.error(date + " is not in " + year);
        }
        return date;
    }

    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> names = new LinkedHashMap<>();
        String[] chinese = { "一", "二", "三", "四", "五", "六", "日" };
        for (DayOfWeek day : DayOfWeek.values()) {
            String number = chinese[day.ordinal()];
            names.put("周" + number, day);
            names.put("星期" + number, day);
            names.put(day.name().toLowerCase(Locale.ROOT), day);
        }
        names.put("周天", DayOfWeek.SUNDAY);
        names.put("星期天", DayOfWeek.SUNDAY);
        return Map.copyOf(names);
    }

}
