package cn.cdsw.tallybot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;

/** Every line of {@code src/test/resources/samples/reports.jsonl} (real report texts) reads as it must. */
class SampleReportsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<JsonNode> samples() throws IOException {
        try (InputStream in = SampleReportsTests.class.getResourceAsStream("/samples/reports.jsonl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank()).map(JSON::readTree).toList().stream();
        }
    }

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
        } else if (expect.asString().startsWith("refused")) {
            assertThat(result).as(text).isInstanceOf(ParseResult.Rejected.class);
        } else if (expect.asString().startsWith("free prose")) {
            assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
            Command command = ((ParseResult.Parsed) result).command();
            assertThat(command).as(text).isInstanceOf(Command.ProsePending.class);
            assertShowsWhatTheSampleSays(((Command.ProsePending) command).draft(), expect.asString());
        } else if (expect.asString().startsWith("ignored")) {
            assertThat(result).as(text).isInstanceOf(ParseResult.NotACommand.class);
        } else {
            assertThat(result).as(text).isNotInstanceOf(ParseResult.NotACommand.class);
        }
    }

    /** The prose sample says what the bot shows in words (visits 46户, items 口罩300个 …, value 5600元). */
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
        } else {
            assertThat(draft.materialsTotal()).isNull();
        }
        if (expect.has("value_yuan")) {
            assertThat(draft.valueYuan()).isEqualByComparingTo(new BigDecimal(expect.get("value_yuan").asString()));
        } else {
            assertThat(draft.valueYuan()).isNull();
        }
    }
}
