package cn.cdsw.tallybot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

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
            assertWritten(text, BigDecimal.valueOf(m.value()));
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

    @Property(tries = 500)
    void anyTextAfterTheCommandComesToOneDefinedOutcome(@ForAll String text) {
        ParseOutcomes.report("#上报 " + text);
        ParseOutcomes.report(HEADER + text);
    }

    private static void assertWritten(String text, BigDecimal value) {
        String digits = value.stripTrailingZeros().toPlainString();
        BigDecimal tenThousands = value.divide(BigDecimal.valueOf(10_000)).stripTrailingZeros();
        boolean written = text.contains(digits)
                || value.scale() <= 0 && value.longValueExact() <= ChineseNumbers.MAX_CHINESE
                        && text.contains(ChineseNumbers.toChinese(value.longValueExact()))
                || TEN_THOUSANDS.matcher(text)
                    .results()
                    .anyMatch(m -> new BigDecimal(m.group(1)).compareTo(tenThousands) == 0);
        assertThat(written).as("%s is written in %s", digits, text).isTrue();
    }

    private static String toFullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append((char) (c + 0xFEE0)));
        return out.toString();
    }

}
