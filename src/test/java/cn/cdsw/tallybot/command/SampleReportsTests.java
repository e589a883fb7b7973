package cn.cdsw.tallybot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.query.Period;
import cn.cdsw.tallybot.query.RankBy;
import cn.cdsw.tallybot.query.Scope;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;

/**
 * Every line of {@code src/test/resources/samples/reports.jsonl} (real report texts)
 * reads as it must.
 */
class SampleReportsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<JsonNode> samples() throws IOException {
        try (InputStream in = SampleReportsTests.class.getResourceAsStream("/samples/reports.jsonl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank()).map(JSON::readTree).toList().stream();
        }
    }

    /**
     * Each sample says in {@code expect} what it must give, in words for the reader;
     * refusals and queries also say it in fields ({@code refusal}, {@code query}) that
     * are checked here, so that no sample passes on its kind alone. The samples are read
     * on {@link ParserFixtures#TODAY}, a Sunday, which their query periods assume.
     */
    @ParameterizedTest
    @MethodSource("samples")
    void readsTheSample(JsonNode sample) {
        String text = sample.get("text").asString();
        JsonNode expect = sample.get("expect");
        ParseResult result = ParserFixtures.parse(text);

        if (expect.isObject()) {
            assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
            ReportDraft draft = ((Command.Report) ((ParseResult.Parsed) result).command()).draft();
            assertMatches(draft, expect);
        }
        else if (expect.asString().startsWith("refused")) {
            assertThat(result).as(text).isInstanceOf(ParseResult.Rejected.class);
            assertRefusedAsPromised((ParseResult.Rejected) result, required(sample, "refusal"));
        }
        else if (expect.asString().startsWith("query")) {
            assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
            assertQueryAsPromised(((ParseResult.Parsed) result).command(), required(sample, "query"));
        }
        else if (expect.asString().startsWith("free prose")) {
            assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
            Command command = ((ParseResult.Parsed) result).command();
            assertThat(command).as(text).isInstanceOf(Command.ProsePending.class);
            assertShowsWhatTheSampleSays(((Command.ProsePending) command).draft(), expect.asString());
        }
        else if (expect.asString().startsWith("ignored")) {
            assertThat(result).as(text).isInstanceOf(ParseResult.NotACommand.class);
        }
        else {
            fail("%s promises \"%s\", which this test does not know how to check", text, expect.asString());
        }
    }

    private static JsonNode required(JsonNode sample, String field) {
        JsonNode value = sample.get(field);
        assertThat(value).as("%s needs a \"%s\" field saying what it promises", sample.get("text"), field).isNotNull();
        return value;
    }

    /**
     * The kind of refusal, the fragment it names and the words its reply must contain (a
     * suggestion, a hint).
     */
    private static void assertRefusedAsPromised(ParseResult.Rejected rejected, JsonNode promise) {
        assertThat(rejected.reason().tag()).isEqualTo(promise.get("reason").asString());
        assertThat(rejected.command()).isEqualTo(CommandType.REPORT);
        assertThat(rejected.fragment()).isEqualTo(promise.get("fragment").asString());
        JsonNode words = promise.get("reply_contains");
        assertThat(words).as("reply_contains").isNotEmpty();
        for (JsonNode word : words) {
            assertThat(ParserFixtures.reply(rejected)).contains(word.asString());
        }
    }

    /**
     * The command, its scope, its period (read on {@link ParserFixtures#TODAY}) and, for
     * a ranking, its figure.
     */
    private static void assertQueryAsPromised(Command command, JsonNode promise) {
        Period period = new Period(LocalDate.parse(promise.get("from").asString()),
                LocalDate.parse(promise.get("to").asString()), promise.get("label").asString());
        Scope scope = new Scope(nullable(promise.get("district")), nullable(promise.get("unit")));
        switch (promise.get("command").asString()) {
            case "query" -> assertThat(command).isEqualTo(new Command.Query(scope, period));
            case "rank" -> {
                assertThat(command).isInstanceOf(Command.Rank.class);
                Command.Rank rank = (Command.Rank) command;
                assertThat(rank.scope()).isEqualTo(scope);
                assertThat(rank.period()).isEqualTo(period);
                assertRanksBy(rank.by(), promise.get("rank_by"));
                assertThat(rank.byUnit()).isEqualTo(promise.get("by_unit").asBoolean());
            }
            default -> fail("unknown query command %s", promise.get("command"));
        }
    }

    /**
     * The figure a ranking orders by: a metric in one unit, or materials, value or the
     * number of reports.
     */
    private static void assertRanksBy(RankBy by, JsonNode promise) {
        switch (promise.get("kind").asString()) {
            case "metric" -> assertThat(by).isInstanceOfSatisfying(RankBy.Metric.class, metric -> {
                assertThat(metric.key()).isEqualTo(promise.get("metric").asString());
                assertThat(metric.unit()).isEqualTo(promise.get("unit").asString());
            });
            case "materials" -> assertThat(by).isInstanceOf(RankBy.Materials.class);
            case "value" -> assertThat(by).isInstanceOf(RankBy.Value.class);
            case "reports" -> assertThat(by).isInstanceOf(RankBy.Reports.class);
            default -> fail("unknown ranking figure %s", promise.get("kind"));
        }
    }

    private static @Nullable String nullable(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    /**
     * The prose sample says what the bot shows in words (visits 46户, items 口罩300个 …,
     * value 5600元).
     */
    private static void assertShowsWhatTheSampleSays(ReportDraft draft, String expect) {
        assertThat(draft.hasFigures()).isTrue();
        for (Metric m : draft.metrics()) {
            assertThat(expect).contains(m.key() + " " + m.value() + m.unit());
        }
        for (Item i : draft.items()) {
            assertThat(expect).contains(i.name() + i.quantity() + i.unit());
        }
        if (draft.valueYuan() != null) {
            assertThat(expect).contains("value " + draft.valueYuan().toPlainString() + "元");
        }
        assertThat(draft.metrics().size() + draft.items().size() + (draft.valueYuan() == null ? 0 : 1)).isEqualTo(4);
    }

    private static void assertMatches(ReportDraft draft, JsonNode expect) {
        assertThat(draft.district()).isEqualTo(expect.get("district").asString());
        assertThat(draft.unit()).isEqualTo(expect.get("unit").asString());
        if (expect.has("category")) {
            assertThat(draft.category()).isEqualTo(expect.get("category").asString());
        }
        if (expect.has("activity_date")) {
            String date = expect.get("activity_date").asString().substring(0, 10);
            assertThat(draft.activityDate()).isEqualTo(LocalDate.parse(date));
        }
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode m : expect.path("metrics")) {
            metrics.add(new Metric(m.get("key").asString(), m.get("unit").asString(), m.get("value").asLong(),
                    m.get("approx").asBoolean()));
        }
        assertThat(draft.metrics()).isEqualTo(metrics);
        List<Item> items = new ArrayList<>();
        for (JsonNode i : expect.path("items")) {
            items.add(new Item(i.get("name").asString(), i.get("quantity").asLong(), i.get("unit").asString(),
                    i.get("approx").asBoolean()));
        }
        assertThat(draft.items()).isEqualTo(items);
        if (expect.has("materials_total")) {
            assertThat(draft.materialsTotal()).isEqualTo(expect.get("materials_total").asLong());
        }
        else {
            assertThat(draft.materialsTotal()).isNull();
        }
        if (expect.has("value_yuan")) {
            assertThat(draft.valueYuan()).isEqualByComparingTo(new BigDecimal(expect.get("value_yuan").asString()));
        }
        else {
            assertThat(draft.valueYuan()).isNull();
        }
    }

}
