package cn.cdsw.tallybot.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DateExpressionsTests {

    private static final LocalDate NOV_29 = LocalDate.of(2026, 11, 29);

    @ParameterizedTest
    @CsvSource({ "今天, 2026-11-29", "今日, 2026-11-29", "昨天, 2026-11-28", "昨日, 2026-11-28", "前天, 2026-11-27",
            "11月28日, 2026-11-28", "11月28号, 2026-11-28", "11月28, 2026-11-28", "11-28, 2026-11-28", "11/28, 2026-11-28",
            "11.28, 2026-11-28", "2026-11-28, 2026-11-28", "2026/11/28, 2026-11-28", "2026.11.28, 2026-11-28",
            "2026年11月28日, 2026-11-28", "2026年11月28号, 2026-11-28", "１１月２８日, 2026-11-28", "１１－２８, 2026-11-28",
            "11月 28日, 2026-11-28", "01-05, 2026-01-05", "1月5日, 2026-01-05", "11月29日, 2026-11-29" })
    void readsTheDesignFormsRelativeToToday(String text, LocalDate expected) {
        assertThat(DateExpressions.parse(text, NOV_29)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({ "12月31日, 2025-12-31", "12-31, 2025-12-31", "1月5日, 2026-01-05", "2-1, 2026-02-01" })
    void readsAYearlessDateMoreThanAMonthAheadAsTheLastOneBefore(String text, LocalDate expected) {
        assertThat(DateExpressions.parse("12月31日", LocalDate.of(2027, 1, 2))).contains(LocalDate.of(2026, 12, 31));
        assertThat(DateExpressions.parse(text, NOV_29)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({ "11月30日, 2026-11-30", "12-01, 2026-12-01", "12月29号, 2026-12-29" })
    void keepsAYearlessDateAtMostAMonthAheadInThisYearSoItIsRefusedAsFuture(String text, LocalDate expected) {
        assertThat(DateExpressions.parse(text, NOV_29)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({ "12月30日, 2026-12-30", "12-31, 2026-12-31", "1月1日, 2027-01-01", "1月2日, 2027-01-02", "昨天, 2027-01-01",
            "前天, 2026-12-31" })
    void readsLastDecemberInAReportSentInJanuary(String text, LocalDate expected) {
        assertThat(DateExpressions.parse(text, LocalDate.of(2027, 1, 2))).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({ "2028-03-01, 2028-02-29", "2029-01-10, 2028-02-29" })
    void readsALeapDayAsTheLatestOneWithinAYear(LocalDate today, LocalDate expected) {
        assertThat(DateExpressions.parse("2月29日", today)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2027-03-01", "2028-01-05", "2029-03-01", "2029-12-31" })
    void refusesALeapDayWhenNoneFellWithinAYear(LocalDate today) {
        assertThat(DateExpressions.parse("2月29日", today)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "2027-01-01", "2030年5月1日" })
    void returnsAnExplicitYearAsWrittenEvenInTheFuture(String text) {
        assertThat(DateExpressions.parse(text, NOV_29)).hasValueSatisfying(date -> assertThat(date).isAfter(NOV_29));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "明天", "三圣", "2月30日", "2月30", "13-01", "0月5日", "11月0日", "11月32日", "4月31日", "2026-02-29",
            "2026-13-01", "2026-11/28", "26-11-28", "11-28-2026", "11-28日", "11月28日上午", "十一月二十八日", "11", "1128" })
    void refusesWhatNamesNoRealDay(String text) {
        assertThat(DateExpressions.parse(text, NOV_29)).isEmpty();
    }

    @Property
    void readsAnyMonthDayOfTheLastThreeHundredDays(
            @ForAll @DateRange(min = "2000-01-01", max = "2100-12-31") LocalDate today,
            @ForAll @IntRange(min = 0, max = 300) int daysAgo) {
        LocalDate d = today.minusDays(daysAgo);

        assertThat(DateExpressions.parse(d.getMonthValue() + "月" + d.getDayOfMonth() + "日", today)).contains(d);
        assertThat(DateExpressions.parse(d.getMonthValue() + "-" + d.getDayOfMonth(), today)).contains(d);
    }

    @Property
    void readsAnyIsoDateAsWritten(@ForAll @DateRange(min = "1900-01-01", max = "2999-12-31") LocalDate date,
            @ForAll @DateRange(min = "2000-01-01", max = "2100-12-31") LocalDate today) {
        assertThat(DateExpressions.parse(date.toString(), today)).contains(date);
    }

    @Property
    void placesAYearlessDateWithinTheYearUpToTodayOrTheNextMonth(@ForAll @IntRange(min = 1, max = 12) int month,
            @ForAll @IntRange(min = 1, max = 31) int day,
            @ForAll @DateRange(min = "2000-01-01", max = "2100-12-31") LocalDate today) {
        DateExpressions.parse(month + "月" + day + "日", today)
            .ifPresent(date -> assertThat(date).isBeforeOrEqualTo(today.plusDays(31)).isAfter(today.minusYears(1)));
    }

    @Property
    void readsArbitraryTextAsNoDateOrTheDayItNames(@ForAll String text,
            @ForAll @DateRange(min = "2000-01-01", max = "2100-12-31") LocalDate today) {
        assertReadsNothingOrTheDayItNames(text, today);
    }

    /**
     * Arbitrary strings seldom look like dates; these are made of the numbers and words
     * dates are written with.
     */
    @Property(tries = 5000)
    @StatisticsReport(onFailureOnly = true)
    void readsDateLikeTextAsNoDateOrTheDayItNames(@ForAll("dateLike") String text,
            @ForAll @DateRange(min = "2000-01-01", max = "2100-12-31") LocalDate today) {
        boolean read = DateExpressions.parse(text, today).isPresent();
        Statistics.label("read as a date").collect(read).coverage(c -> c.check(true).percentage(p -> p >= 10));
        assertReadsNothingOrTheDayItNames(text, today);
    }

    @Provide
    Arbitrary<String> dateLike() {
        return Arbitraries.oneOf(dateShapes(),
                Arbitraries
                    .frequencyOf(Tuple.of(4, Arbitraries.integers().between(0, 40).map(String::valueOf)),
                            Tuple.of(1, Arbitraries.integers().between(1999, 2101).map(String::valueOf)),
                            Tuple.of(4, Arbitraries.of("-", "/", ".", "年", "月", "日", "号", " ", "－", "１")),
                            Tuple.of(1, Arbitraries.of("今天", "今日", "昨天", "昨日", "前天", "明天")))
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(6)
                    .map(parts -> String.join("", parts)));
    }

    /**
     * Month and day, perhaps a year, in each written form, with numbers that may name no
     * month or day; the soup in {@link #dateLike} brings the forms that do not fit
     * together.
     */
    static Arbitrary<String> dateShapes() {
        return Combinators
            .combine(Arbitraries.integers().between(1999, 2101), Arbitraries.of(true, false),
                    Arbitraries.integers().between(0, 13), Arbitraries.of("-", "/", ".", "月"),
                    Arbitraries.integers().between(0, 32), Arbitraries.of("", "日", "号"))
            .as((year, withYear, month, separator, day, suffix) -> {
                boolean chinese = separator.equals("月");
                String written = (withYear ? year + (chinese ? "年" : separator) : "") + month + separator + day;
                return chinese ? written + suffix : written;
            });
    }

    /**
     * A date read from any text is one the text names (docs/commands.md §5): today,
     * yesterday or the day before for the relative words; otherwise its last two numbers
     * are the month and the day, and the first the year if three are written, or else the
     * date lies within the year back and the month ahead that a yearless date may name.
     */
    private static void assertReadsNothingOrTheDayItNames(String text, LocalDate today) {
        DateExpressions.parse(text, today).ifPresent(date -> {
            String written = TextNormalizer.normalize(text).replace(" ", "");
            Integer daysAgo = DAYS_AGO.get(written);
            if (daysAgo != null) {
                assertThat(date).isEqualTo(today.minusDays(daysAgo));
                return;
            }
            List<Integer> numbers = Pattern.compile("[0-9]+")
                .matcher(written)
                .results()
                .map(m -> Integer.parseInt(m.group()))
                .toList();
            assertThat(numbers).as("the numbers of %s", written)
                .hasSizeBetween(2, 3)
                .endsWith(date.getMonthValue(), date.getDayOfMonth());
            if (numbers.size() == 3) {
                assertThat(numbers.get(0)).isEqualTo(date.getYear());
            }
            else {
                assertThat(date).isAfter(today.minusYears(1)).isBeforeOrEqualTo(today.plusDays(31));
            }
        });
    }

    private static final Map<String, Integer> DAYS_AGO = Map.of("今天", 0, "今日", 0, "昨天", 1, "昨日", 1, "前天", 2);

}
