package cn.cdsw.tallybot.command;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.cdsw.tallybot.query.Period;

/**
 * Reads the periods (docs/commands.md §6) that 统计, 排行, 明细 and 导出 take: {@code 今天},
 * {@code 本周}, {@code 上月}, {@code 近7天}, {@code 11月}, {@code 11月1日-11月28日},
 * {@code 2026-11-01~2026-11-28}.
 * <p>
 * Every period ends on or before {@code today}: a query is about what has been reported,
 * and a period reaching into the future would make 本周 or 本月 look like a full week or
 * month of totals when it is not. So "this" periods are to-date ({@code 本周} is Monday to
 * today), a range ending later is cut at today, and a period that would start after today
 * is refused. A period may not begin before {@link Period#EARLIEST} either, the bound
 * every query shares; {@link #beforeEarliest} tells such a period from a word that is
 * none, so that it gets its own answer. {@code today} is passed in, never read from a
 * clock, so a message parses alike when replayed.
 * <p>
 * This class reads the named, recent and month periods and single days itself, hands
 * ranges of two dates to {@link DateRanges}, and cuts and labels whatever
 * {@link DateSpan} comes back; {@code DateRanges} knows nothing of it.
 */
public final class PeriodExpressions {

    /**
     * The named periods, by their spellings; weeks start on Monday, as in the Chinese
     * calendar and ISO 8601.
     */
    private static final Map<String, Function<LocalDate, DateSpan>> NAMED = Map.ofEntries(
            Map.entry("今天", DateSpan::day), Map.entry("今日", DateSpan::day),
            Map.entry("昨天", t -> DateSpan.day(t.minusDays(1))), Map.entry("昨日", t -> DateSpan.day(t.minusDays(1))),
            Map.entry("前天", t -> DateSpan.day(t.minusDays(2))), Map.entry("本周", PeriodExpressions::thisWeek),
            Map.entry("这周", PeriodExpressions::thisWeek), Map.entry("本星期", PeriodExpressions::thisWeek),
            Map.entry("这个星期", PeriodExpressions::thisWeek), Map.entry("上周", PeriodExpressions::lastWeek),
            Map.entry("上星期", PeriodExpressions::lastWeek), Map.entry("上个星期", PeriodExpressions::lastWeek),
            Map.entry("本月", PeriodExpressions::thisMonth), Map.entry("这个月", PeriodExpressions::thisMonth),
            Map.entry("上月", PeriodExpressions::lastMonth), Map.entry("上个月", PeriodExpressions::lastMonth),
            Map.entry("本年", PeriodExpressions::thisYear), Map.entry("今年", PeriodExpressions::thisYear));

    /**
     * {@code 近7天}, {@code 最近30天}, {@code 近七日}, {@code 近一周}; the count is checked by
     * {@link ChineseNumbers}.
     */
    private static final Pattern RECENT = Pattern.compile("最?近(.+?)(天|日|周)");

    /**
     * {@code 11月}, {@code 11月份}, {@code 十一月}, {@code 2026年11月}. Chinese month numerals
     * are limited to the characters of 一 to 十二, so that {@code 两月} (which nobody writes
     * for February) is not read as a month.
     */
    private static final Pattern MONTH = Pattern.compile("(?:([0-9]{4})年)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})月份?");

    /** A year is long enough for 近N天; 366 lets "the last year" include a leap day. */
    private static final int MAX_RECENT_DAYS = 366;

    private PeriodExpressions() {
    }

    /**
     * Parses one period expression relative to {@code today}; empty if it is not a
     * period, or names one that has not begun yet ({@code 下周}, {@code 明天},
     * {@code 2027年1月} on 29 November 2026). The text is normalised first and spaces are
     * ignored; the label of the result is that text without spaces, so replies echo what
     * the user wrote. Never throws.
     */
    public static Optional<Period> parse(String text, LocalDate today) {
        String label = label(text);
        return span(label, today).filter(span -> !span.from().isAfter(today))
            .filter(span -> Period.allows(span.from(), today))
            .map(span -> new Period(span.from(), min(span.to(), today), label));
    }

    /**
     * Whether {@code text} names a period that has begun but begins before the first day
     * a query may name, which {@link #parse} refuses. Never throws.
     */
    public static boolean beforeEarliest(String text, LocalDate today) {
        return span(label(text), today).filter(span -> !span.from().isAfter(today))
            .filter(span -> !Period.allows(span.from(), today))
            .isPresent();
    }

    private static String label(String text) {
        return TextNormalizer.normalize(text).replace(" ", "");
    }

    /** {@code text} is normalised already: the readers below take it as it is. */
    private static Optional<DateSpan> span(String text, LocalDate today) {
        Function<LocalDate, DateSpan> named = NAMED.get(text);
        if (named != null) {
            return Optional.of(named.apply(today));
        }
        Matcher m = RECENT.matcher(text);
        if (m.matches()) {
            return recent(m.group(1), m.group(2), today);
        }
        m = MONTH.matcher(text);
        if (m.matches()) {
            return month(m.group(1), m.group(2), today);
        }
        Optional<LocalDate> day = DateExpressions.parseNormalized(text, today);
        if (day.isPresent()) {
            return day.map(DateSpan::day);
        }
        return DateRanges.parse(text, today);
    }

    private static DateSpan thisWeek(LocalDate today) {
        return new DateSpan(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today);
    }

    private static DateSpan lastWeek(LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        return new DateSpan(monday, monday.plusDays(6));
    }

    private static DateSpan thisMonth(LocalDate today) {
        return new DateSpan(today.withDayOfMonth(1), today);
    }

    private static DateSpan lastMonth(LocalDate today) {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        return new DateSpan(last.atDay(1), last.atEndOfMonth());
    }

    private static DateSpan thisYear(LocalDate today) {
        return new DateSpan(today.withDayOfYear(1), today);
    }

    /**
     * {@code count} days or weeks ending today, which counts as one of them: 近7天 is today
     * and the six before.
     */
    private static Optional<DateSpan> recent(String count, String unit, LocalDate today) {
        int perUnit = unit.equals("周") ? 7 : 1;
        return wholeNumber(count).filter(n -> n >= 1 && n * perUnit <= MAX_RECENT_DAYS)
            .map(n -> new DateSpan(today.minusDays((long) n * perUnit - 1), today));
    }

    /**
     * A month without a year is the latest one that has begun: in January, {@code 11月} is
     * last November, and the current month runs to today. A month with a year is taken as
     * written; if it has not begun, {@link #parse} refuses it.
     */
    private static Optional<DateSpan> month(String year, String monthText, LocalDate today) {
        Optional<Integer> number = wholeNumber(monthText).filter(n -> n >= 1 && n <= 12);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        int month = number.get();
        int latestYear = month <= today.getMonthValue() ? today.getYear() : today.getYear() - 1;
        YearMonth named = YearMonth.of(year == null ? latestYear : Integer.parseInt(year), month);
        return Optional.of(new DateSpan(named.atDay(1), named.atEndOfMonth()));
    }

    /**
     * A positive whole number in Arabic or Chinese digits, small enough for a count of
     * days; empty otherwise.
     */
    private static Optional<Integer> wholeNumber(String text) {
        return ChineseNumbers.parseNormalized(text)
            .filter(n -> n.scale() <= 0 && n.compareTo(BigDecimal.valueOf(10_000)) <= 0)
            .map(BigDecimal::intValue);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

}
