package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.testing.LogCapture;

/**
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} (or logstash, gelf) makes each console
 * line one JSON object with the MDC as fields. The test logging keeps the console at WARN
 * (logback-test.xml), so the application's own lines about messages handled through the
 * real webhook are captured instead, and each is turned into JSON by the encoder Spring
 * Boot uses for that setting, configured from the application's environment: every line
 * about a message must come out with its platform, group and id as fields, and no line
 * with a secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StructuredLogIntegrationTests extends WebhookTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    final LogCapture log = LogCapture.named("cn.cdsw.tallybot");

    @Autowired
    Environment environment;

    @Test
    void everyLineAboutAMessageCarriesItsPlatformGroupAndIdAsEcsFields() {
        long reportId = nextId();
        bot.post(
                OneBotEvents.groupMessage(GROUP, reportId, 50001, "member", "#上报 锦江区 三圣街道社工站 走访196户", clock.instant()));
        long refusedId = nextId();
        bot.post(OneBotEvents.groupMessage(GROUP, refusedId, 50001, "member", "#上报 东城区 三圣街道社工站 走访196户",
                clock.instant()));
        bot.post(OneBotEvents.recall(GROUP, reportId, 50001, clock.instant()));

        List<JsonNode> lines = encoded("ecs");
        assertThat(linesMentioning(lines, "command Report answered")).singleElement()
            .satisfies(line -> assertAbout(line, "", reportId));
        assertThat(linesMentioning(lines, "command refused (unknown_district)")).singleElement()
            .satisfies(line -> assertAbout(line, "", refusedId));
        assertThat(linesMentioning(lines, "recall of message " + reportId)).singleElement()
            .satisfies(line -> assertAbout(line, "", reportId));
        // the summary tick runs on its own schedule and is about no message
        assertThat(lines.stream()
            .filter(line -> !line.path("log").path("logger").asString().startsWith("cn.cdsw.tallybot.summary.")))
            .as("every line logged while these messages were handled is about one of them")
            .allSatisfy(line -> assertThat(line.path("groupId").asString()).isEqualTo(GROUP));
    }

    @ParameterizedTest
    @CsvSource({ "logstash, ''", "gelf, _" })
    void theOtherFormatsCarryTheSameFields(String format, String prefix) {
        long id = nextId();
        bot.post(OneBotEvents.groupMessage(GROUP, id, 50002, "member", "#上报 锦江区 三圣街道社工站 走访196户", clock.instant()));

        assertThat(linesMentioning(encoded(format), "command Report answered")).singleElement()
            .satisfies(line -> assertAbout(line, prefix, id));
    }

    @Test
    void noLineCarriesTheWebhookSecretOrTheAdminToken() {
        say(50003, "#上报 锦江区 三圣街道社工站 走访196户");
        say(50003, "#统计");

        assertThat(encoded("ecs")).isNotEmpty()
            .allSatisfy(line -> assertThat(line.toString()).doesNotContain(SECRET).doesNotContain(TOKEN));
    }

    private static void assertAbout(JsonNode line, String prefix, long messageId) {
        assertThat(line.path(prefix + "platform").asString()).isEqualTo("onebot");
        assertThat(line.path(prefix + "groupId").asString()).isEqualTo(GROUP);
        assertThat(line.path(prefix + "messageId").asString()).isEqualTo(String.valueOf(messageId));
    }

    /**
     * The captured lines as the console would print them under
     * {@code logging.structured.format.console}.
     */
    private List<JsonNode> encoded(String format) {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        List<ILoggingEvent> events = List.of(Level.INFO, Level.WARN, Level.ERROR)
            .stream()
            .flatMap(level -> log.events(level).stream())
            .toList();
        return events.stream()
            .map(event -> JSON.readTree(new String(encoder.encode(event), StandardCharsets.UTF_8)))
            .toList();
    }

    private static List<JsonNode> linesMentioning(List<JsonNode> lines, String text) {
        return lines.stream()
            .filter(line -> (line.path("message").asString() + line.path("short_message").asString()).contains(text))
            .toList();
    }

}
