package cn.cdsw.tallybot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.config.District;
import cn.cdsw.tallybot.config.MetricDefinition;
import cn.cdsw.tallybot.report.Metric;

/**
 * Properties of the report grammar: any way of writing the same report (separators,
 * full-width characters, Chinese or Arabic numerals, one line or a form) reads to the
 * same figures, and any text comes to one outcome that the conversation can act on.
 */
class CommandParserPropertyTests {

    /**
     * One metric clause as it should read, and the word and unit a user may write it
     * with.
     */
    record Clause(MetricDefinition metric, String word, String unit, long value, boolean chinese) {

        String written() {
            String number = chinese ? ChineseNumbers.toChinese(value) : String.valueOf(value);
            return word + number + unit;
        }

        Metric expected() {
            return new Metric(metric.key(), metric.canonicalUnit(unit).orElseThrow(), value, false);
        }
    }

    record Report(District district, String districtWord, String unit, List<Clause> clauses) {
    }

    @Provide
    Arbitrary<Report> reports() {
        Arbitrary<District> districts = Arbitraries.of(ParserFixtures.CONFIG.districts().all());
        Arbitrary<String> units = Arbitraries.of("三圣街道社工站", "琴台路社区社工室", "新津区社工总站", "成都市明诚社会工作服务中心", "荷花池街道社工站");
        Arbitrary<List<Clause>> clauses = clause().list()
            .ofMinSize(1)
            .ofMaxSize(5)
            .uniqueElements(c -> c.metric().key() + c.expected().unit());
        return Combinators.combine(districts, Arbitraries.integers().between(0, 5), units, clauses)
            .as((d, alias, unit, cs) -> {
                List<String> words = new ArrayList<>(d.aliases());
                words.add(d.name());
                return new Report(d, words.get(alias % words.size()), unit, cs);
            });
    }

    private Arbitrary<Clause> clause() {
        return Arbitraries.of(ParserFixtures.CONFIG.metrics().all()).flatMap(metric -> {
            List<String> units = new ArrayList<>(metric.units());
            units.addAll(metric.unitSynonyms().keySet());
            return Combinators
                .combine(Arbitraries.of(metric.synonyms()), Arbitraries.of(units),
                        Arbitraries.longs().between(0, metric.ceiling()), Arbitraries.of(true, false))
                .as((word, unit, value, chinese) -> new Clause(metric, word, unit, value, chinese));
        });
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "　", "，", ",", "、", "；", ";", "  ", " ， ", "\n");
    }

    @Property(tries = 500)
    void anySeparatorsAndWidthsReadToTheSameRecord(@ForAll("reports") Report report,
            @ForAll("separators") String separator, @ForAll boolean fullWidth, @ForAll boolean fullWidthHash) {
        List<String> parts = new ArrayList<>(List.of(report.districtWord(), report.unit()));
        report.clauses().forEach(c -> parts.add(c.written()));
        String text = (fullWidthHash ? "＃" : "#") + "上报 " + String.join(separator, parts);

        ReportDraft draft = read(fullWidth ? toFullWidth(text) : text);

        assertThat(draft.district()).isEqualTo(report.district().name());
        assertThat(draft.unit()).isEqualTo(report.unit());
        assertThat(draft.metrics()).containsExactlyElementsOf(report.clauses().stream().map(Clause::expected).toList());
    }

    @Property(tries = 300)
    void theFormReadsLikeTheOneLiner(@ForAll("reports") Report report, @ForAll boolean asciiColon) {
        String colon = asciiColon ? ":" : "：";
        StringBuilder form = new StringBuilder(
                "#上报\n区县" + colon + report.districtWord() + "\n单位" + colon + report.unit());
        Map<String, List<Clause>> byWord = new LinkedHashMap<>();
        report.clauses().forEach(c -> byWord.computeIfAbsent(c.word(), w -> new ArrayList<>()).add(c));
        byWord.forEach((word, clauses) -> form.append('\n')
            .append(word)
            .append(colon)
            .append(String.join("、", clauses.stream().map(c -> c.written().substring(word.length())).toList())));

        ReportDraft draft = read(form.toString());

        assertThat(draft.district()).isEqualTo(report.district().name());
        assertThat(draft.metrics())
            .containsExactlyInAnyOrderElementsOf(report.clauses().stream().map(Clause::expected).toList());
    }

    @Property(tries = 2000)
    void anyTextComesToOneDefinedOutcome(@ForAll String text) {
        ParseOutcomes.defined(text);
        ParseOutcomes.report("#上报 " + text);
        ParseOutcomes.report("#上报 锦江区 三圣街道社工站 走访" + text);
    }

    @Property(tries = 1000)
    void textMadeOfGrammarPiecesComesToOneDefinedOutcome(@ForAll("grammarSoup") String text) {
        ParseOutcomes.report("#上报 " + text);
        ParseResult correction = ParseOutcomes.defined("#更正 1 " + text);
        if (correction instanceof ParseResult.Rejected rejected) {
            assertThat(rejected.command()).isEqualTo(CommandType.CORRECT);
        }
        else {
            assertThat(correction).isInstanceOf(ParseResult.Parsed.class);
            assertThat(((ParseResult.Parsed) correction).command()).isInstanceOfSatisfying(Command.Correct.class,
                    correct -> assertThat(correct.recordId()).isEqualTo(1));
        }
    }

    @Provide
    Arbitrary<String> grammarSoup() {
        return Arbitraries
            .of("走访", "户", "人次", "余", "约", "近", "万", "千", "-", "负", "三", "十", "1", "0", ".", ":", "物资", "合计", "价值", "元",
                    "日期", "11月", "28日", "备注", "锦江区", "、", " ", "\n", "大米", "袋", "左右")
            .list()
            .ofMaxSize(20)
            .map(l -> String.join("", l));
    }

    private static ReportDraft read(String text) {
        ParseResult result = ParserFixtures.parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
        return ((Command.Report) ((ParseResult.Parsed) result).command()).draft();
    }

    private static String toFullWidth(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.appendCodePoint(c >= '!' && c <= '~' ? c + 0xFEE0 : c == ' ' ? 0x3000 : c));
        return out.toString();
    }

}
