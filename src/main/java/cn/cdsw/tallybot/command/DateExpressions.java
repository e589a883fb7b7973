package cn.cdsw.tallybot.command;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the report dates (docs/commands.md §5): {@code 昨天}, {@code 11月28日},
 * {@code 11-28}, {@code 2026-11-28}.
 * <p>
 * {@code today} is the local date of the message and is passed in, never read from a
 * clock, so a message is parsed the same way whenever it is replayed. Whether a date is
 * acceptable (not in the future, not older than the window) is the caller's decision, not
 * this class's.
 */
public final class DateExpressions {

    /** Relative words, as days before {@code today}. */
    private static final Map<String, Integer> DAYS_AGO = Map.of("今天", 0, "今日", 0, "昨天", 1, "昨日", 1, "前天", 2);

    /**
     * {@code 2026-11-28}, {@code 2026/11/28}, {@code 2026.11.28}; one separator
     * throughout.
     */
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("([0-9]{4})([-/.])([0-9]{1,2})\\2([0-9]{1,2})");

    /**
     * {@code 2026年11月28日}; 号 is the spoken word for 日, and the final character is often
     * left out.
     */
    private static final Pattern CHINESE_YEAR_MONTH_DAY = Pattern.compile("([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})[日号]?");

    /** {@code 11月28日}, {@code 11月28号}, {@code 11月28}. */
    private static final Pattern CHINESE_MONTH_DAY = Pattern.compile("([0-9]{1,2})月([0-9]{1,2})[日号]?");

    /** {@code 11-28}, {@code 11/28}, {@code 11.28}. */
    private static final Pattern MONTH_DAY = Pattern.compile("([0-9]{1,2})[-/.]([0-9]{1,2})");

    private static final int NEAR_FUTURE_DAYS = 31;

    private DateExpressions() {
    }

    /**
     * Parses one date expression relative to {@code today}; empty if it is not a date or
     * names no real day ({@code 2月30日}, {@code 13-01}).
     * <p>
     * A date without a year is the most recent such day on or before {@code today}: a
     * report sent on 2 January that says {@code 12月30日} means last December; one at most
     * a month ahead stays in this year, in the future. A date with a year is returned as
     * written, even in the future. The text is normalised first (full-width digits,
     * spaces) and spaces inside it are ignored ({@code 11月 28日}).
     */
    public static Optional<LocalDate> parse(String s, LocalDate today) {
        return parseNormalized(TextNormalizer.normalize(s), today);
    }

    /** {@link #parse} for normalised text, as the report grammar's pieces are. */
    static Optional<LocalDate> parseNormalized(String normalized, LocalDate today) {
        String text = normalized.replace(" ", "");
        Integer daysAgo = DAYS_AGO.get(text);
        if (daysAgo != null) {
            return Optional.of(today.minusDays(daysAgo));
        }
        if (text.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        Matcher m = YEAR_MONTH_DAY.matcher(text);
        if (m.matches()) {
            return dateOf(number(m.group(1)), number(m.group(3)), number(m.group(4)));
        }
        m = CHINESE_YEAR_MONTH_DAY.matcher(text);
        if (m.matches()) {
            return dateOf(number(m.group(1)), number(m.group(2)), number(m.group(3)));
        }
        m = CHINESE_MONTH_DAY.matcher(text);
        if (!m.matches()) {
            m = MONTH_DAY.matcher(text);
        }
        if (m.matches()) {
            return latestOnOrBefore(number(m.group(1)), number(m.group(2)), today);
        }
        return Optional.empty();
    }

    /**
     * The day with this month and day in the year up to and including {@code today}: this
     * year's if it has come already, else last year's. Exception: a day at most a month
     * ahead is this year's, in the future, so that {@code 11月30日} typed on 29 November is
     * refused as not yet come rather than filed a year back. Bounding by the year, rather
     * than "this year, minus one if in the future", also settles 2月29日 when this year has
     * none: it is last year's leap day only if that is less than a year ago, and is empty
     * otherwise, instead of silently landing almost two years back.
     */
    private static Optional<LocalDate> latestOnOrBefore(int month, int day, LocalDate today) {
        Optional<LocalDate> soon = dateOf(today.getYear(), month, day)
            .filter(date -> date.isAfter(today) && !date.isAfter(today.plusDays(NEAR_FUTURE_DAYS)));
        if (soon.isPresent()) {
            return soon;
        }
        Optional<LocalDate> thisYear = dateOf(today.getYear(), month, day).filter(date -> !date.isAfter(today));
        Optional<LocalDate> latest = thisYear.isPresent() ? thisYear : dateOf(today.getYear() - 1, month, day);
        return latest.filter(date -> date.isAfter(today.minusYears(1)));
    }

    /**
     * Checks the fields instead of catching {@code DateTimeException}: an invalid date is
     * input, not a bug.
     */
    private static Optional<LocalDate> dateOf(int year, int month, int day) {
        if (year < Year.MIN_VALUE || month < 1 || month > 12 || day < 1) {
            return Optional.empty();
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month, day));
    }

    /** Only ever called on at most four ASCII digits, so it cannot overflow or fail. */
    private static int number(String digits) {
        return Integer.parseInt(digits);
    }

}
