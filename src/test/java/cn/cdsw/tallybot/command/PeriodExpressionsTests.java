package cn.cdsw.tallybot.command;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.time.api.constraints.DateRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.cdsw.tallybot.query.Period;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodExpressionsTests {

    /** A Sunday, so 本周 is a full week and 上周 the one before. */
    private static final LocalDate NOV_29 = LocalDate.of(2026, 11, 29);

    @Test
    void fixedTodaysAreTheWeekdaysTheTablesAssume() {
        assertThat(NOV_29.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(LocalDate.of(2026, 11, 23).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            今天,          2026-11-29, 2026-11-29
            今日,          2026-11-29, 2026-11-29
            昨天,          2026-11-28, 2026-11-28
            昨日,          2026-11-28, 2026-11-28
            前天,          2026-11-27, 2026-11-27
            本周,          2026-11-23, 2026-11-29
            这周,          2026-11-23, 2026-11-29
            本星期,        2026-11-23, 2026-11-29
            上周,          2026-11-16, 2026-11-22
            上星期,        2026-11-16, 2026-11-22
            本月,          2026-11-01, 2026-11-29
            这个月,        2026-11-01, 2026-11-29
            上月,          2026-10-01, 2026-10-31
            上个月,        2026-10-01, 2026-10-31
            近7天,         2026-11-23, 2026-11-29
            最近7天,       2026-11-23, 2026-11-29
            近一周,        2026-11-23, 2026-11-29
            近七日,        2026-11-23, 2026-11-29
            近两周,        2026-11-16, 2026-11-29
            近30天,        2026-10-31, 2026-11-29
            最近三十天,    2026-10-31, 2026-11-29
            近1天,         2026-11-29, 2026-11-29
            近366天,       2025-11-29, 2026-11-29
            本年,          2026-01-01, 2026-11-29
            今年,          2026-01-01, 2026-11-29
            11月,          2026-11-01, 2026-11-29
            11月份,        2026-11-01, 2026-11-29
            10月,          2026-10-01, 2026-10-31
            十月,          2026-10-01, 2026-10-31
            12月,          2025-12-01, 2025-12-31
            2月,           2026-02-01, 2026-02-28
            2026年11月,    2026-11-01, 2026-11-29
            2025年12月,    2025-12-01, 2025-12-31
            11月28日,      2026-11-28, 2026-11-28
            2026-11-28,    2026-11-28, 2026-11-28
            11-28,         2026-11-28, 2026-11-28
            2026年1月5日,  2026-01-05, 2026-01-05
            """)
    void readsNamedRecentAndMonthPeriodsOnASunday(String text, LocalDate from, LocalDate to) {
        assertThat(PeriodExpressions.parse(text, NOV_29)).contains(new Period(from, to, text));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            11月1日-11月28日,          2026-11-01, 2026-11-28
            11月1日~11月28日,          2026-11-01, 2026-11-28
            11月1日～11月28日,         2026-11-01, 2026-11-28
            11月1日至11月28日,         2026-11-01, 2026-11-28
            11月1日到11月28日,         2026-11-01, 2026-11-28
            11月1日—11月28日,          2026-11-01, 2026-11-28
            11月1日——11月28日,         2026-11-01, 2026-11-28
            11月1日–11月28日,          2026-11-01, 2026-11-28
            2026-11-01~2026-11-28,     2026-11-01, 2026-11-28
            2026-11-01-2026-11-28,     2026-11-01, 2026-11-28
            2026-11-01至2026-11-28,    2026-11-01, 2026-11-28
            11-01~11-28,               2026-11-01, 2026-11-28
            11.1-11.28,                2026-11-01, 2026-11-28
            11/1-11/28,                2026-11-01, 2026-11-28
            2026年11月1日-2026年11月28日, 2026-11-01, 2026-11-28
            11月1日-28日,              2026-11-01, 2026-11-28
            11月1日至今,               2026-11-01, 2026-11-29
            昨天到今天,                2026-11-28, 2026-11-29
            11月28日-11月28日,         2026-11-28, 2026-11-28
            10月1日~2026-10-31,        2026-10-01, 2026-10-31
            2025-12-01~2026-01-31,     2025-12-01, 2026-01-31
            """)
    void readsARangeWithEachSeparator(String text, LocalDate from, LocalDate to) {
        assertThat(PeriodExpressions.parse(text, NOV_29)).contains(new Period(from, to, text.replace('～', '~')));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            11月1日-11月30日,       2026-11-01, 2026-11-29
            11月20日~12月5日,       2026-11-20, 2026-11-29
            2026-11-01~2026-12-31,  2026-11-01, 2026-11-29
            11月1日-30日,           2026-11-01, 2026-11-29
            """)
    void cutsARangeThatEndsAfterTodayAtToday(String text, LocalDate from, LocalDate to) {
        assertThat(PeriodExpressions.parse(text, NOV_29)).contains(new Period(from, to, text));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            2026-11-23, 本周,    2026-11-23, 2026-11-23
            2026-11-23, 上周,    2026-11-16, 2026-11-22
            2026-11-24, 本周,    2026-11-23, 2026-11-24
            2026-12-01, 上月,    2026-11-01, 2026-11-30
            2026-12-01, 本月,    2026-12-01, 2026-12-01
            2026-12-01, 11月,    2026-11-01, 2026-11-30
            2026-12-01, 近7天,   2026-11-25, 2026-12-01
            2027-01-05, 11月,    2026-11-01, 2026-11-30
            2027-01-05, 12月,    2026-12-01, 2026-12-31
            2027-01-05, 1月,     2027-01-01, 2027-01-05
            2027-01-05, 上月,    2026-12-01, 2026-12-31
            2027-01-05, 本年,    2027-01-01, 2027-01-05
            2027-01-05, 上周,    2026-12-28, 2027-01-03
            2027-01-05, 本周,    2027-01-04, 2027-01-05
            2027-01-05, 2026年12月, 2026-12-01, 2026-12-31
            2027-01-05, 12月28日-1月3日, 2026-12-28, 2027-01-03
            2027-01-05, 近30天,  2026-12-07, 2027-01-05
            2028-03-10, 上月,    2028-02-01, 2028-02-29
            2028-03-10, 2月,     2028-02-01, 2028-02-29
            2027-03-10, 上月,    2027-02-01, 2027-02-28
            2028-03-01, 昨天,    2028-02-29, 2028-02-29
            2028-03-01, 2月1日-2月29日, 2028-02-01, 2028-02-29
            """)
    void readsPeriodsAcrossWeekMonthAndYearBoundaries(LocalDate today, String text, LocalDate from, LocalDate to) {
        assertThat(PeriodExpressions.parse(text, today)).contains(new Period(from, to, text));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            ' 近 7 天 ',        近7天
            １１月,             11月
            '11月1日 - 11月28日', 11月1日-11月28日
            ２０２６－１１－０１～２０２６－１１－２８, 2026-11-01~2026-11-28
            """)
    void labelsThePeriodWithTheNormalisedTextWithoutSpaces(String text, String label) {
        assertThat(PeriodExpressions.parse(text, NOV_29)).map(Period::label).contains(label);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "下周", "下个月", "明天", "后天", "近0天", "近零天", "近400天", "近367天", "近53周", "近1.5天", "近-3天",
            "近天", "近几天", "13月", "0月", "十三月", "两月", "2026年13月", "2026年12月", "2027年1月", "11月30日", "2026-12-01",
            "12月1日-12月5日", "11月30日~12月5日", "11月28日-11月1日", "2026-11-28~2026-11-01", "11-01-11-28", "2026-11-01-11-28",
            "10月1日-2026-10-31", "11月1日-11月15日-11月28日", "11月1日~11月15日~11月28日", "11月1日~", "~11月28日", "11月1日-32日",
            "11月1日-0日", "2月30日-3月1日", "本周本月", "锦江区", "本周 锦江区", "统计", "11月1日到明天", "上上周", "本周\n上周" })
    void refusesWhatIsNoPeriodOrHasNotBegun(String text) {
        assertThat(PeriodExpressions.parse(text, NOV_29)).isEmpty();
    }

    @Provide
    Arbitrary<String> acceptedExpressions() {
        return Arbitraries.of("今天", "今日", "昨天", "昨日", "前天", "本周", "这周", "本星期", "上周", "上星期", "本月", "这个月", "上月", "上个月",
                "近7天", "最近30天", "近一周", "本年", "今年", "1月", "2月", "6月", "11月", "12月", "十二月", "12月1日-12月31日", "1月1日至今",
                "2月29日", "11-28", "1-1~3-31", "12月25日到1月5日");
    }

    @Property
    void everyPeriodStartsBeforeItEndsAndEndsByToday(@ForAll("acceptedExpressions") String text,
            @ForAll @DateRange(min = "2000-01-01", max = "2100-12-31") LocalDate today) {
        PeriodExpressions.parse(text, today).ifPresent(period -> {
            assertThat(period.from()).isBeforeOrEqualTo(period.to());
            assertThat(period.to()).isBeforeOrEqualTo(today);
            assertThat(period.label()).isEqualTo(text);
        });
    }

    @Property
    void readsEveryNamedPeriodOnAnyDay(@ForAll("namedPeriods") String text,
            @ForAll @DateRange(min = "2006-01-01", max = "2100-12-31") LocalDate today) {
        assertThat(PeriodExpressions.parse(text, today)).isPresent();
    }

    @Provide
    Arbitrary<String> namedPeriods() {
        return Arbitraries.of("今天", "昨天", "前天", "本周", "上周", "本月", "上月", "近7天", "近30天", "本年", "1月", "12月");
    }

    @Property
    void thisWeekStartsOnAMondayAtMostSixDaysBack(
            @ForAll @DateRange(min = "2006-01-01", max = "2100-12-31") LocalDate today) {
        Period week = PeriodExpressions.parse("本周", today).orElseThrow();

        assertThat(week.from().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(ChronoUnit.DAYS.between(week.from(), today)).isBetween(0L, 6L);
        assertThat(week.to()).isEqualTo(today);
    }

    @Property
    void lastWeekIsTheSevenDaysBeforeThisWeek(
            @ForAll @DateRange(min = "2006-01-01", max = "2100-12-31") LocalDate today) {
        Period thisWeek = PeriodExpressions.parse("本周", today).orElseThrow();
        Period lastWeek = PeriodExpressions.parse("上周", today).orElseThrow();

        assertThat(lastWeek.from()).isEqualTo(thisWeek.from().minusDays(7));
        assertThat(lastWeek.to()).isEqualTo(thisWeek.from().minusDays(1));
    }

    @Property
    void recentDaysSpanExactlyThatManyDaysEndingToday(@ForAll @IntRange(min = 1, max = 366) int days,
            @ForAll boolean chinese, @ForAll boolean latest,
            @ForAll @DateRange(min = "2006-01-01", max = "2100-12-31") LocalDate today) {
        String number = chinese ? ChineseNumbers.toChinese(days) : String.valueOf(days);
        String text = (latest ? "最近" : "近") + number + "天";

        Period period = PeriodExpressions.parse(text, today).orElseThrow();

        assertThat(ChronoUnit.DAYS.between(period.from(), period.to()) + 1).isEqualTo(days);
        assertThat(period.to()).isEqualTo(today);
    }

    @Property
    void aMonthWithoutAYearIsTheLatestThatHasBegun(@ForAll @IntRange(min = 1, max = 12) int month,
            @ForAll @DateRange(min = "2006-01-01", max = "2100-12-31") LocalDate today) {
        Period period = PeriodExpressions.parse(month + "月", today).orElseThrow();

        assertThat(period.from().getMonthValue()).isEqualTo(month);
        assertThat(period.from().getDayOfMonth()).isEqualTo(1);
        assertThat(period.from()).isAfter(today.minusYears(1)).isBeforeOrEqualTo(today);
    }

    @Property
    void aRangeOfPastIsoDatesReadsAsWritten(@ForAll @DateRange(min = "2006-01-01", max = "2100-12-31") LocalDate today,
            @ForAll @IntRange(min = 0, max = 2000) int startDaysAgo, @ForAll @IntRange(min = 0, max = 2000) int length,
            @ForAll("rangeSeparators") String separator) {
        LocalDate from = today.minusDays(startDaysAgo);
        LocalDate to = from.plusDays(length);
        String text = from + separator + to;

        LocalDate expectedTo = to.isAfter(today) ? today : to;
        assertThat(PeriodExpressions.parse(text, today)).contains(new Period(from, expectedTo, text));
    }

    @Test
    void aPeriodBeginningBeforeTwoThousandIsNoneButIsToldApart() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        for (String early : new String[] { "1999年12月", "1999-12-31~2026-11-28", "0001-01-01至今", "1999年1月1日",
                "0000年1月" }) {
            assertThat(PeriodExpressions.parse(early, today)).as(early).isEmpty();
            assertThat(PeriodExpressions.beforeEarliest(early, today)).as(early).isTrue();
        }
        assertThat(PeriodExpressions.parse("2000年1月", today))
            .contains(new Period(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 31), "2000年1月"));
        assertThat(PeriodExpressions.parse("2000-01-01~2026-11-28", today)).isPresent();
        for (String notEarly : new String[] { "2000年1月", "本月", "明天", "2027年1月", "锦江区", "9999年1月" }) {
            assertThat(PeriodExpressions.beforeEarliest(notEarly, today)).as(notEarly).isFalse();
        }
        assertThat(PeriodExpressions.parse("上月", LocalDate.of(2000, 1, 15))).as("December 1999").isEmpty();
    }

    @Provide
    Arbitrary<String> rangeSeparators() {
        return Arbitraries.of("-", "~", "至", "到", "—", "——");
    }

    @Property
    void readsArbitraryTextAsNoPeriodOrOneEndingByToday(@ForAll String text,
            @ForAll @DateRange(min = "2000-01-01", max = "2100-12-31") LocalDate today) {
        assertReadsNothingOrAPeriodEndingByToday(text, today);
    }

    /**
     * Arbitrary strings seldom look like periods; these are made of the numbers and words
     * periods are written with.
     */
    @Property(tries = 5000)
    @StatisticsReport(onFailureOnly = true)
    void readsPeriodLikeTextAsNoPeriodOrOneEndingByToday(@ForAll("periodLike") String text,
            @ForAll @DateRange(min = "2000-01-01", max = "2100-12-31") LocalDate today) {
        boolean read = PeriodExpressions.parse(text, today).isPresent();
        Statistics.label("read as a period").collect(read).coverage(c -> c.check(true).percentage(p -> p >= 10));
        assertReadsNothingOrAPeriodEndingByToday(text, today);
    }

    /**
     * A period read from any text has begun and ends by today, is labelled with what was
     * written (normalised, without spaces) so that replies echo it, and reads as the same
     * period again from that label.
     */
    private static void assertReadsNothingOrAPeriodEndingByToday(String text, LocalDate today) {
        PeriodExpressions.parse(text, today).ifPresent(period -> {
            assertThat(period.from()).isBeforeOrEqualTo(period.to()).isAfterOrEqualTo(Period.EARLIEST);
            assertThat(period.to()).isBeforeOrEqualTo(today);
            assertThat(period.label()).isNotEmpty().isEqualTo(TextNormalizer.normalize(text).replace(" ", ""));
            assertThat(PeriodExpressions.parse(period.label(), today)).as("read again from its label").contains(period);
        });
    }

    @Provide
    Arbitrary<String> periodLike() {
        Arbitrary<String> soup = Arbitraries
            .frequencyOf(Tuple.of(4, Arbitraries.integers().between(0, 40).map(String::valueOf)),
                    Tuple.of(1, Arbitraries.integers().between(1999, 2101).map(String::valueOf)),
                    Tuple.of(1, Arbitraries.of("一", "七", "十一", "两", "三十", "零")),
                    Tuple.of(4, Arbitraries.of("-", "~", "至", "到", "—", ".", "/", " ", "年", "月", "日", "号", "份")),
                    Tuple.of(2, Arbitraries.of("今天", "昨天", "本周", "上周", "本月", "上月", "今年", "近", "最近", "天", "周", "至今",
                            "明天", "下周")))
            .list()
            .ofMinSize(1)
            .ofMaxSize(6)
            .map(parts -> String.join("", parts));
        Arbitrary<String> day = DateExpressionsTests.dateShapes();
        Arbitrary<String> range = Combinators
            .combine(day, Arbitraries.of("-", "~", "至", "到", "—", "--", ""),
                    Arbitraries.oneOf(day, Arbitraries.of("今", "28日", "")))
            .as((from, separator, to) -> from + separator + to);
        Arbitrary<String> recent = Combinators
            .combine(Arbitraries.of("近", "最近", ""), Arbitraries.integers().between(0, 400),
                    Arbitraries.of("天", "日", "周", "月", "月份", ""))
            .as((word, count, unit) -> word + count + unit);
        return Arbitraries.oneOf(soup, day, range, recent);
    }

}
