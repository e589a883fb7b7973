package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.summary.CjkFont;

/**
 * Coordinators' view end to end: reports posted through the webhook, then #统计 in chat,
 * the totals API, and POST /api/v1/summary delivering one post per seed group through the
 * OneBot HTTP API (a MockWebServer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WebhookTestClock.class)
class QueryAndSummaryIntegrationTests {

    static final String SECRET = "onebot-secret";
    static final String TOKEN = "api-token";
    static final String GROUP = "1418159967";
    static final Instant NOON = WebhookTestBase.NOON;
    static final MockWebServer ONEBOT_API = TestSupport.startedMockWebServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-query"));
        registry.add("tallybot.onebot.secret", () -> SECRET);
        registry.add("tallybot.onebot.api-url", () -> ONEBOT_API.url("/").toString());
        registry.add("tallybot.onebot.access-token", () -> "onebot-token");
        registry.add("tallybot.api.token", () -> TOKEN);
        registry.add("tallybot.summary.enabled", () -> "false");
    }

    @AfterAll
    static void stop() {
        ONEBOT_API.close();
    }

    @LocalServerPort
    int port;

    long messageId = 500;

    String say(long user, String role, String text) {
        WebhookClient.Answer answer = new WebhookClient(port, SECRET, TOKEN)
            .post(OneBotEvents.groupMessage(GROUP, messageId++, user, role, text, NOON));
        return answer.replyText();
    }

    @Test
    void totalsInChatAndThroughTheApiMatchTheRecordsAndTheSummaryReachesEachGroupOnce() throws Exception {
        say(1, "member", "#上报 锦江区 三圣街道社工站 走访196户 物资1310件 个案2个");
        say(2, "member", "#上报 锦江区 锦官驿街道社工站 走访15人次 物资：大米224袋、食用油206瓶 价值：29739.5元");
        say(3, "member", "#上报 金牛区 荷花池街道社工站 走访42户 电话80余通");
        String retracted = say(4, "member", "#上报 金牛区 荷花池街道社工站 走访1000户");
        say(4, "member", "#撤回");

        String stats = say(5, "member", "#统计 锦江区 今天");
        assertThat(stats).contains("锦江区·今天")
            .contains("上报2条")
            .contains("走访196户/15人次")
            .contains("物资1740件（大米224袋、食用油206瓶）")
            .contains("价值29,739.5元");
        String city = say(5, "member", "#统计");
        assertThat(city).contains("走访238户/15人次").contains("电话约80次").contains("按区县：锦江区2条、金牛区1条");
        assertThat(retracted).contains("已记录");

        JsonNode totals = api("GET", "/api/v1/totals?from=2026-11-29&to=2026-11-29");
        assertThat(totals.get("reports").asLong()).isEqualTo(3);
        assertThat(totals.get("units").asLong()).isEqualTo(3);
        assertThat(totals.get("materials_total").asLong()).isEqualTo(1740);
        assertThat(totals.get("value_yuan").decimalValue()).isEqualByComparingTo("29739.5");
        assertThat(totals.get("metrics").toString())
            .contains("{\"key\":\"visits\",\"unit\":\"户\",\"value\":238,\"approx\":false}")
            .contains("{\"key\":\"visits\",\"unit\":\"人次\",\"value\":15,\"approx\":false}")
            .contains("{\"key\":\"calls\",\"unit\":\"次\",\"value\":80,\"approx\":true}");
        assertThat(totals.get("by_district").size()).isEqualTo(2);

        assertThat(say(6, "member", "#明细 锦江区 今天")).contains("锦江区·今天 明细（2条）")
            .contains("锦江区·锦官驿街道社工站（11月29日）：走访15人次")
            .contains("三圣街道社工站（11月29日）：走访196户");
        assertThat(say(6, "member", "#明细 金牛区")).contains("明细（1条）").doesNotContain("1000户");
        assertThat(say(6, "member", "#未报")).contains("只有协调员");
        // 29 November is a Sunday: only a campaign expects the units to report on it
        assertThat(say(6, "admin", "#催报 开启 全市 11月29日")).contains("已开启：全市 11月29日");
        assertThat(say(6, "admin", "#未报")).contains("未上报").contains("青羊区·琴台路社区社工室").doesNotContain("三圣街道社工站");
        assertThat(say(6, "member", "#排行 走访 今天")).contains("1. 锦江区 196户").contains("2. 金牛区 42户");

        for (int i = 0; i < 2; i++) {
            ONEBOT_API.enqueue(new MockResponse.Builder().code(200)
                .body("{\"status\":\"ok\",\"retcode\":0,\"data\":{\"message_id\":9}}")
                .build());
        }
        JsonNode summary = api("POST", "/api/v1/summary?date=2026-11-29");
        assertThat(summary.get("deliveries").size()).isEqualTo(2);
        assertThat(summary.get("deliveries").get(0).toString())
            .matches("\\{\"id\":\"onebot:\\d+@2026-11-29\",\"platform\":\"onebot\",\"group_id\":\"\\d+\","
                    + "\"status\":\"queued\",\"error\":null}");
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RecordedRequest sent = ONEBOT_API.takeRequest(10, TimeUnit.SECONDS);
            assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer onebot-token");
            String body = sent.getBody().utf8();
            assertThat(body).contains("走访238户/15人次");
            // the chart goes along where the machine can draw its Chinese labels, and
            // only there
            if (CjkFont.installed().isPresent()) {
                assertThat(body).contains("base64://");
            }
            else {
                assertThat(body).doesNotContain("base64://");
            }
            groups.add(body.replaceAll("(?s).*\"group_id\":(\\d+).*", "$1"));
        }
        assertThat(groups).containsExactlyInAnyOrder("639921629", "1418159967");
        await().untilAsserted(() -> assertThat(api("GET", "/api/v1/summary?date=2026-11-29").get("posts")).hasSize(2)
            .allSatisfy(post -> assertThat(post.get("status").asString()).isEqualTo("sent")));
    }

    @Test
    void badQueryParametersAnswer400ProblemDetailsThatShowNoInternals() throws IOException {
        assertThat(problem("GET", "/api/v1/records?status=deleted").get("detail").asString())
            .isEqualTo("status must be active, retracted or superseded, not 'deleted'");
        assertThat(problem("GET", "/api/v1/records?from=2026-11-31").get("detail").asString())
            .isEqualTo("from must be a date like 2026-11-28, not '2026-11-31'");
        assertThat(problem("GET", "/api/v1/totals?to=yesterday").get("parameter").asString()).isEqualTo("to");
        assertThat(problem("POST", "/api/v1/summary?date=29.11.2026").get("detail").asString())
            .isEqualTo("date must be a date like 2026-11-28, not '29.11.2026'");
        assertThat(api("GET", "/api/v1/records?status=retracted&from=2026-11-29").get("records").isArray())
            .as("statuses bind by their JSON names in the application too")
            .isTrue();
    }

    /** A 400 answer's ProblemDetail, checked to carry nothing of the server's insides. */
    JsonNode problem(String method, String path) throws IOException {
        Request.Builder request = new Request.Builder().url("http://127.0.0.1:" + port + path)
            .header("Authorization", "Bearer " + TOKEN);
        if (method.equals("POST")) {
            request.post(RequestBody.create(new byte[0]));
        }
        try (Response response = new OkHttpClient().newCall(request.build()).execute()) {
            String body = response.body().string();
            assertThat(response.code()).as(path).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(body).doesNotContain("Exception", "java.", "springframework", "\tat ", "trace");
            JsonNode problem = JsonMapper.builder().build().readTree(body);
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            return problem;
        }
    }

    JsonNode api(String method, String path) throws IOException {
        Request.Builder request = new Request.Builder().url("http://127.0.0.1:" + port + path)
            .header("Authorization", "Bearer " + TOKEN);
        if (method.equals("POST")) {
            request.post(RequestBody.create(new byte[0]));
        }
        try (Response response = new OkHttpClient.Builder().readTimeout(java.time.Duration.ofSeconds(30))
            .build()
            .newCall(request.build())
            .execute()) {
            assertThat(response.code()).as(path).isEqualTo(method.equals("POST") ? 202 : 200);
            return JsonMapper.builder().build().readTree(response.body().string());
        }
    }

}
