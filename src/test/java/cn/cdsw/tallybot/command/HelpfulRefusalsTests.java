package cn.cdsw.tallybot.command;

import static cn.cdsw.tallybot.command.ParserFixtures.CONFIG;
import static cn.cdsw.tallybot.command.ParserFixtures.parse;
import static cn.cdsw.tallybot.command.ParserFixtures.reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.cdsw.tallybot.config.MetricDefinition;

/**
 * A refusal tells the member how to fix the message (docs/commands.md §8): a wrong unit
 * names the units the metric takes, and a mistyped metric word gets the nearest one.
 */
class HelpfulRefusalsTests {

    static final String PLACE = "#上报 锦江区 三圣街道社工站 ";

    static ParseResult.Rejected rejected(String text) {
        ParseResult result = parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }

    @Test
    void aWrongUnitNamesEveryUnitTheMetricTakesIncludingItsSynonyms() {
        assertThat(reply(rejected(PLACE + "宣传10个"))).isEqualTo("❌ 「宣传10个」的单位不对，宣传只能用：份、张、册。这条没有记录，请改正后重新发送。");
        assertThat(reply(rejected(PLACE + "走访10袋"))).contains("走访只能用：户、人次、次、趟。");
    }

    static Stream<MetricDefinition> metrics() {
        return CONFIG.metrics().all().stream();
    }

    /**
     * Table-driven from metrics.yml: for every metric a unit it does not take is refused
     * with exactly the units it does take, and each of those is then read.
     */
    @ParameterizedTest
    @MethodSource("metrics")
    void everyUnitTheRefusalOffersIsOneTheMetricReads(MetricDefinition metric) {
        String wrong = CONFIG.materials()
            .units()
            .stream()
            .filter(u -> metric.canonicalUnit(u).isEmpty())
            .findFirst()
            .orElseThrow();

        ParseResult.Rejected refused = rejected(PLACE + metric.label() + "10" + wrong);

        assertThat(refused.refusal())
            .isEqualTo(new Refusal.MetricUnitWrong(metric.label() + "10" + wrong, metric.key()));
        assertThat(reply(refused)).contains(metric.label() + "只能用：" + String.join("、", metric.acceptedUnits()) + "。");
        for (String unit : metric.acceptedUnits()) {
            assertThat(parse(PLACE + metric.label() + "10" + unit)).as(unit).isInstanceOf(ParseResult.Parsed.class);
        }
    }

    @ParameterizedTest
    @CsvSource({ "走方10户, 走访10户", "走方10户15人次, 走访10户15人次", "电活5次, 电话5次", "心里疏导3人, 心理疏导3人", "个按2个, 个案2个", "志原者4人, 志愿者4人" })
    void aMistypedMetricWordGetsTheNearestOne(String written, String meant) {
        ParseResult.Rejected refused = rejected(PLACE + written);

        assertThat(refused.refusal()).isEqualTo(new Refusal.UnknownMetric(written, meant));
        assertThat(reply(refused)).isEqualTo("❌ 没看懂「" + written + "」，您是指「" + meant + "」吗？这条没有记录，请改正后重新发送。");
        assertThat(parse(PLACE + meant)).isInstanceOf(ParseResult.Parsed.class);
    }

    /**
     * No guess where it could mislead: too far off, a single character, figures in a unit
     * the nearest metric does not take, or a word as close to two metrics.
     */
    @ParameterizedTest
    @ValueSource(strings = { "走走走10户", "跑步10户", "访10户", "走方10袋", "电活5户" })
    void noSuggestionWhenTheGuessIsNotSafe(String written) {
        assertThat(rejected(PLACE + written).refusal()).isNotInstanceOf(Refusal.UnknownMetric.class);
    }

    @Test
    void guessesOnlyWhenEveryWordThatCloseIsOfOneMetric() {
        // 上访 is one edit from 上门, 走访, 探访 and 巡访, all visits: the label is offered
        assertThat(CONFIG.metrics().nearestWord("上访")).contains("走访");
        // 服各 is one edit from 服务 (services) only
        assertThat(CONFIG.metrics().nearestWord("服各")).contains("服务");
        // 咨务 is one edit from 咨询 (consultations) and from 服务 (services)
        assertThat(CONFIG.metrics().nearestWord("咨务")).isEmpty();
        assertThat(CONFIG.metrics().nearestWord("服")).isEmpty();
        assertThat(CONFIG.metrics().nearestWord("走访")).isEmpty();
    }

    @Provide
    Arbitrary<String> metricWords() {
        return Arbitraries.of(List.copyOf(new TreeSet<>(CONFIG.metrics().words())));
    }

    /** A suggestion is never offered for a word that is a metric word. */
    @Property(tries = 100)
    void aMetricWordIsNeverCorrected(@ForAll("metricWords") String word) {
        MetricDefinition metric = CONFIG.metrics().byWord(word).orElseThrow();

        assertThat(CONFIG.metrics().nearestWord(word)).isEmpty();
        assertThat(parse(PLACE + word + "10" + metric.units().get(0))).isInstanceOf(ParseResult.Parsed.class);
    }

    /**
     * One character of a metric word changed into one that makes no other metric word:
     * the suggestion is a word of the same metric, and the clause it suggests reads.
     */
    @Property(tries = 200)
    void aSuggestionIsAlwaysOfTheMetricTheWordWasOneEditFrom(@ForAll("metricWords") String word,
            @ForAll @IntRange(min = 0, max = 20) int at, @ForAll @CharRange(from = '\u4e00', to = '\u9fa5') char typo) {
        MetricDefinition metric = CONFIG.metrics().byWord(word).orElseThrow();
        int position = at % word.length();
        String mistyped = word.substring(0, position) + typo + word.substring(position + 1);

        CONFIG.metrics().nearestWord(mistyped).ifPresent(meant -> {
            assertThat(CONFIG.metrics().byWord(meant)).contains(metric);
            assertThat(parse(PLACE + meant + "10" + metric.units().get(0))).isInstanceOf(ParseResult.Parsed.class);
        });
    }

}
