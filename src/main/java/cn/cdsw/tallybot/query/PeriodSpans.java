package cn.cdsw.tallybot.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.cdsw.tallybot.report.RollupSpan;

/**
 * Covers a date range with the fewest rollup periods ({@link RollupSpan}): whole months
 * where they fit, then whole dekads (旬: days 1-10, 11-20, 21-end), then single days. A
 * year is then about 11 months, 4 dekads and up to 18 days per series instead of 365
 * days, which is what keeps a year's totals within a few milliseconds.
 * <p>
 * The walk is a loop of one step per month at least, so it takes no range longer than
 * {@value #MAX_YEARS} years. Its callers never ask for one — every period a query names
 * lies between {@link Period#EARLIEST} and a year from today — so this bound is a second
 * line: a range from year -999999999 once kept a request looping while it held the
 * database, and should a new caller forget the first bound, it fails at once instead.
 */
final class PeriodSpans {

    /** Longer than any range a query may name for the rest of this century. */
    static final int MAX_YEARS = 100;

    /**
     * Rollup rows of one span ({@link RollupSpan#key}) with periods from {@code from} to
     * {@code to}, inclusive.
     */
    record Range(String span, String from, String to) {
    }

    private PeriodSpans() {
    }

    static List<Range> cover(LocalDate from, LocalDate to) {
        if (to.isAfter(from.plusYears(MAX_YEARS))) {
            throw new IllegalArgumentException(
                    "a range of more than " + MAX_YEARS + " years has no rollup cover: " + from + ".." + to);
        }
        List<Range> ranges = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            LocalDate monthEnd = day.withDayOfMonth(day.lengthOfMonth());
            LocalDate dekadEnd = dekadEnd(day);
            if (day.getDayOfMonth() == 1 && !monthEnd.isAfter(to)) {
                add(ranges, RollupSpan.MONTH, day);
                day = monthEnd.plusDays(1);
            }
            else if (isDekadStart(day) && !dekadEnd.isAfter(to)) {
                add(ranges, RollupSpan.DEKAD, day);
                day = dekadEnd.plusDays(1);
            }
            else {
                add(ranges, RollupSpan.DAY, day);
                day = day.plusDays(1);
            }
        }
        return ranges;
    }

    private static boolean isDekadStart(LocalDate day) {
        return day.getDayOfMonth() == 1 || day.getDayOfMonth() == 11 || day.getDayOfMonth() == 21;
    }

    private static LocalDate dekadEnd(LocalDate day) {
        return day.getDayOfMonth() > 20 ? day.withDayOfMonth(day.lengthOfMonth())
                : day.withDayOfMonth(day.getDayOfMonth() > 10 ? 20 : 10);
    }

    /**
     * Periods come in key order, so a period of the same span as the last range extends
     * it.
     */
    private static void add(List<Range> ranges, RollupSpan span, LocalDate day) {
        String key = span.period(day);
        int last = ranges.size() - 1;
        if (last >= 0 && ranges.get(last).span().equals(span.key())) {
            ranges.set(last, new Range(span.key(), ranges.get(last).from(), key));
        }
        else {
            ranges.add(new Range(span.key(), key, key));
        }
    }

}
