package cn.cdsw.tallybot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import cn.cdsw.tallybot.config.MetricDefinition;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;

/**
 * Properties of the prose extractor: it never invents a figure. Paragraphs are built from
 * the words it looks for (metric and cue words, fillers, item and value words, units) so
 * that the properties reach its rules.
 */
class ProsePropertyTests {

    static final String HEADER = "#上报 锦江区 三圣街道社工站\n";
    static final List<String> WORDS = words();
    static final Pattern TEN_THOUSANDS = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)万");
    static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    static final Pattern CHINESE = Pattern.compile("[零〇一二三四五六七八九十百千万亿]+");

    static List<String> words() {
        List<String> words = new ArrayList<>(ParserFixtures.CONFIG.metrics().words());
        words.addAll(ParserFixtures.CONFIG.prose().metricCues().keySet());
        words.addAll(ParserFixtures.CONFIG.prose().fillers());
        words.addAll(ParserFixtures.CONFIG.prose().itemIntros());
        words.addAll(ParserFixtures.CONFIG.prose().totalWords());
        words.addAll(ParserFixtures.CONFIG.prose().valueWords());
        words.addAll(ParserFixtures.CONFIG.materials().itemNames());
        words.addAll(ParserFixtures.CONFIG.materials().units());
        words.addAll(List.of("户", "人次", "名", "元", "余", "多", "约", "近", "左右", "独居老人", "困难家庭", "爱心企业", "社工", "街道", "社区",
                "本周以来", "疫情期间", "，", "。", "；", "、", "\n"));
        return words.stream().filter(w -> w.chars().noneMatch(ProsePropertyTests::numeral)).toList();
    }

    static boolean numeral(int c) {
        return Character.isDigit(c) || "零〇一二两三四五六七八九十百千万亿".indexOf(c) >= 0;
    }

    @Provide
    Arbitrary<String> paragraphsWithoutNumbers() {
        return Arbitraries.of(WORDS).list().ofMinSize(6).ofMaxSize(40).map(ws -> String.join("", ws));
    }

    @Provide
    Arbitrary<String> paragraphsWithNumbers() {
        Arbitrary<String> numbers = Arbitraries.longs()
            .between(0, 120_000)
            .flatMap(n -> Arbitraries.of(String.valueOf(n), ChineseNumbers.toChinese(n), n / 10 + "." + n % 10 + "万",
                    toFullWidth(String.valueOf(n))));
        Arbitrary<String> units = Arbitraries.of("户", "人次", "次", "个", "名", "人", "件", "元", "袋", "瓶", "余次", "多人");
        Arbitrary<String> quantities = Combinators.combine(Arbitraries.of(WORDS), numbers, units)
            .as((w, n, u) -> w + n + u);
        return Arbitraries.oneOf(Arbitraries.of(WORDS), quantities, numbers)
            .list()
            .ofMinSize(6)
            .ofMaxSize(40)
            .map(ws -> String.join("", ws));
    }

    @Property(tries = 300)
    void proseWithoutNumbersNeverYieldsAFigure(@ForAll("paragraphsWithoutNumbers") String paragraph) {
        ParseResult result = ParserFixtures.parse(HEADER + paragraph);

        assertThat(result).isNotInstanceOf(ParseResult.Parsed.class);
    }

    /**
     * Only says something about the paragraphs read with figures: most of them must be
     * (about 80 % are).
     */
    @Property(tries = 500)
    @StatisticsReport(onFailureOnly = true)
    void everyFigureIsANumberWrittenInTheText(@ForAll("paragraphsWithNumbers") String paragraph) {
        ParseResult result = ParserFixtures.parse(HEADER + paragraph);
        Statistics.label("read with figures")
            .collect(result instanceof ParseResult.Parsed)
            .coverage(coverage -> coverage.check(true).percentage(p -> p >= 50));
        if (!(result instanceof ParseResult.Parsed parsed && parsed.command() instanceof Command.ProsePending p)) {
            return;
        }
        String text = TextNormalizer.normalize(paragraph).replace('两', '二');
        ReportDraft draft = p.draft();
        for (Metric m : draft.metrics()) {
            assertWrittenOrAddedUp(text, m.value());
        }
        for (Item i : draft.items()) {
            assertWritten(text, BigDecimal.valueOf(i.quantity()));
        }
        if (draft.explicitTotal() != null) {
            assertWritten(text, BigDecimal.valueOf(draft.explicitTotal()));
        }
        if (draft.valueYuan() != null) {
            assertWritten(text, draft.valueYuan());
        }
    }

    /**
     * A clause long enough to make the body a paragraph, with no number and no figure
     * word.
     */
    static final String OPENING = "疫情防控期间社工们坚守岗位，";

    @Provide
    Arbitrary<String> excludedCounts() {
        Arbitrary<String> numbers = Arbitraries.longs()
            .between(1, 9_999)
            .flatMap(n -> Arbitraries.of(String.valueOf(n), ChineseNumbers.toChinese(n)));
        Arbitrary<String> counted = Combinators
            .combine(numbers, Arbitraries.of("个", "名", "家", "位", "所", "人", "支"),
                    Arbitraries.of(ParserFixtures.CONFIG.prose().ignoredAfter()))
            .as((n, unit, noun) -> n + unit + noun);
        Arbitrary<String> ordinals = Combinators.combine(numbers, Arbitraries.of("批", "次", "期", "轮"))
            .as((n, unit) -> "第" + n + unit);
        Arbitrary<String> stock = Combinators.combine(Arbitraries.of(ParserFixtures.CONFIG.prose().notActivityWords()),
                Arbitraries.of(ParserFixtures.CONFIG.metrics().words()), numbers, Arbitraries.of("人", "名", "户", "人次"))
            .as((word, metric, n, unit) -> word + metric + n + unit);
        Arbitrary<String> filler = Arbitraries.of(WORDS);
        return Arbitraries.oneOf(counted, ordinals, stock, filler)
            .list()
            .ofMinSize(3)
            .ofMaxSize(20)
            .map(ws -> OPENING + String.join("", ws));
    }

    /**
     * Counts of places, organisations, staff and donors, ordinals and what there is (共有,
     * 排查出) never become figures, whatever metric words stand around them.
     */
    @Property(tries = 300)
    void excludedCountsNeverBecomeFigures(@ForAll("excludedCounts") String paragraph) {
        ParseResult result = ParserFixtures.parse(HEADER + paragraph);

        assertThat(result).isNotInstanceOf(ParseResult.Parsed.class);
    }

    /**
     * A figure written per day, week or household is kept as written and marked, never
     * multiplied.
     */
    @Property(tries = 200)
    void perPeriodFiguresAreKeptAsWrittenAndMarked(@ForAll("perPeriodWords") String per,
            @ForAll("metrics") MetricDefinition metric, @ForAll @IntRange(min = 1, max = 5_000) int n) {
        String unit = metric.units().get(0);
        ParseResult result = ParserFixtures.parse(HEADER + OPENING + per + metric.label() + n + unit + "。");

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class,
                parsed -> assertThat(parsed.command()).isInstanceOfSatisfying(Command.ProsePending.class, p -> {
                    assertThat(p.draft().metrics()).containsExactly(new Metric(metric.key(), unit, n, false));
                    assertThat(p.notes().perPeriod())
                        .containsExactly(new ProseNotes.PerPeriod(per, ProseNotes.Kind.METRIC, metric.key(), unit));
                }));
    }

    /** 千余, 上千, 数百 …: the number of the table, marked approximate. */
    @Property(tries = 100)
    void amountsInWordsReadAsTheNumberOfTheTable(@ForAll("amountWords") String word,
            @ForAll("metrics") MetricDefinition metric) {
        String unit = metric.units().get(0);
        long amount = ParserFixtures.CONFIG.prose().approximateAmounts().get(word);
        ParseResult result = ParserFixtures.parse(HEADER + OPENING + metric.label() + word + unit + "。");

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class,
                parsed -> assertThat(parsed.command()).isInstanceOfSatisfying(Command.ProsePending.class,
                        p -> assertThat(p.draft().metrics())
                            .containsExactly(new Metric(metric.key(), unit, amount, true))));
    }

    @Provide
    Arbitrary<String> perPeriodWords() {
        return Arbitraries.of(ParserFixtures.CONFIG.prose().perPeriodWords());
    }

    @Provide
    Arbitrary<String> amountWords() {
        return Arbitraries.of(List.copyOf(ParserFixtures.CONFIG.prose().approximateAmounts().keySet()));
    }

    @Provide
    Arbitrary<MetricDefinition> metrics() {
        return Arbitraries.of(ParserFixtures.CONFIG.metrics().all());
    }

    @Property(tries = 500)
    void anyTextAfterTheCommandComesToOneDefinedOutcome(@ForAll String text) {
        ParseOutcomes.report("#上报 " + text);
        ParseOutcomes.report(HEADER + text);
    }

    /**
     * Found by the property: a digit after a 万 figure (0.0万一个1) is one more number the
     * text holds, so a call count of 2 (一 and 1 added up) is made of written numbers.
     */
    @Example
    void aNumberRightAfterAWanFigureCountsAsWritten() {
        assertThat(numbersIn("电话0.0万一个1通知单")).contains(1L).filteredOn(n -> n == 1L).hasSize(2);
        assertWrittenOrAddedUp("电话0.0万一个1通知单", 2);
    }

    /**
     * Found by the property: 一二 is no numeral, and the extractor reads the 二 of it, so 3
     * calls (二 and 1 added up) are made of written numbers.
     */
    @Example
    void aRunOfChineseDigitsThatIsNoNumeralCountsDigitByDigit() {
        assertThat(numbersIn("复核电话一二通知单复核1次")).contains(2L, 1L);
        assertWrittenOrAddedUp("复核电话一二通知单复核1次", 3);
    }

    /**
     * A metric written twice in one unit in one sentence is added up: its figure is then
     * a sum of numbers written in the text, never a number made up.
     */
    private static void assertWrittenOrAddedUp(String text, long value) {
        if (written(text, BigDecimal.valueOf(value))) {
            return;
        }
        List<Long> numbers = numbersIn(text);
        BitSet reachable = new BitSet();
        reachable.set(0);
        for (long n : numbers) {
            if (n <= value) {
                for (int s = (int) (value - n); s >= 0; s--) {
                    if (reachable.get(s)) {
                        reachable.set((int) (s + n));
                    }
                }
            }
        }
        assertThat(reachable.get((int) value)).as("%d is written in, or a sum of numbers of, %s", value, text).isTrue();
    }

    /** The whole numbers written in the text, each maximal run once. */
    static List<Long> numbersIn(String text) {
        List<Long> numbers = new ArrayList<>();
        TEN_THOUSANDS.matcher(text)
            .results()
            .map(m -> new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(10_000)))
            .filter(v -> v.stripTrailingZeros().scale() <= 0)
            // a run of digits before 万 too long for a long is no figure the extractor
            // reads either
            .filter(v -> v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0)
            .forEach(v -> numbers.add(v.longValueExact()));
        DIGITS.matcher(text).results().forEach(m -> numbers.add(Long.parseLong(m.group())));
        CHINESE.matcher(text)
            .results()
            .flatMap(m -> chineseNumbers(m.group()))
            .filter(v -> v.stripTrailingZeros().scale() <= 0)
            .filter(v -> v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0)
            .forEach(v -> numbers.add(v.longValueExact()));
        return numbers;
    }

    /**
     * A run of Chinese numerals as the extractor may read it: whole, or else its longest
     * end that is a numeral — after leading zeros (零一 is 1, as 01 is), after a unit left
     * over from the figure before it (0.0万一), or after digits that make no numeral with
     * the rest (一二 reads 二, 一二十 reads 二十).
     */
    private static Stream<BigDecimal> chineseNumbers(String run) {
        for (int start = 0; start < run.length(); start++) {
            Optional<BigDecimal> number = ChineseNumbers.parse(run.substring(start));
            if (number.isPresent()) {
                return number.stream();
            }
        }
        return Stream.empty();
    }

    private static void assertWritten(String text, BigDecimal value) {
        assertThat(written(text, value)).as("%s is written in %s", value.toPlainString(), text).isTrue();
    }

    private static boolean written(String text, BigDecimal value) {
        String digits = value.stripTrailingZeros().toPlainString();
        BigDecimal tenThousands = value.divide(BigDecimal.valueOf(10_000)).stripTrailingZeros();
        boolean written = text.contains(digits)
                || value.scale() <= 0 && value.longValueExact() <= ChineseNumbers.MAX_CHINESE
                        && text.contains(ChineseNumbers.toChinese(value.longValueExact()))
                || TEN_THOUSANDS.matcher(text)
                    .results()
                    .anyMatch(m -> new BigDecimal(m.group(1)).compareTo(tenThousands) == 0);
        return written;
    }

    private static String toFullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append((char) (c + 0xFEE0)));
        return out.toString();
    }

}
