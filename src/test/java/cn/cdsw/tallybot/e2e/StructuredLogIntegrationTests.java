package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} every console line is one JSON object, and each line about a
 * message carries its platform, group and id as fields of their own, so a log store can filter on them. Nothing
 * logged from start-up on contains the webhook secret or the admin token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogIntegrationTests extends WebhookTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void linesAboutAMessageCarryItsPlatformGroupAndIdAsFields(CapturedOutput output) {
        long reportId = nextId();
        bot.post(OneBotEvents.groupMessage(GROUP, reportId, 50001, "member",
                "#上报 锦江区 三圣街道社工站 走访196户", clock.instant()));
        long refusedId = nextId();
        bot.post(OneBotEvents.groupMessage(GROUP, refusedId, 50001, "member",
                "#上报 东城区 三圣街道社工站 走访196户", clock.instant()));
        bot.post(OneBotEvents.recall(GROUP, reportId, 50001, clock.instant()));

        List<JsonNode> lines = jsonLines(output);
        assertThat(lines).as("console lines are JSON").isNotEmpty()
                .allSatisfy(line -> assertThat(line.has("@timestamp")).isTrue());
        assertThat(linesMentioning(lines, "command Report answered")).singleElement()
                .satisfies(line -> assertAbout(line, reportId));
        assertThat(linesMentioning(lines, "command refused (unknown_district)")).singleElement()
                .satisfies(line -> assertAbout(line, refusedId));
        assertThat(linesMentioning(lines, "recall of message " + reportId)).singleElement()
                .satisfies(line -> assertAbout(line, reportId));
    }

    @Test
    void noSecretReachesTheLog(CapturedOutput output) {
        say(50002, "#上报 锦江区 三圣街道社工站 走访196户");

        assertThat(output.getAll()).contains("\"ecs\":{\"version\"").doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    private static void assertAbout(JsonNode line, long messageId) {
        assertThat(line.path("platform").asString()).isEqualTo("onebot");
        assertThat(line.path("groupId").asString()).isEqualTo(GROUP);
        assertThat(line.path("messageId").asString()).isEqualTo(String.valueOf(messageId));
    }

    private static List<JsonNode> jsonLines(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.startsWith("{")).map(JSON::readTree).toList();
    }

    private static List<JsonNode> linesMentioning(List<JsonNode> lines, String text) {
        return lines.stream().filter(line -> line.path("message").asString().contains(text)).toList();
    }
}
