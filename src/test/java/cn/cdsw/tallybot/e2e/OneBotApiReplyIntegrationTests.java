package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Replies through the OneBot HTTP API (for Lagrange, which ignores quick operations): the
 * webhook answers 204 and the reply goes to {@code send_group_msg} with the access token,
 * quoting the message it answers, here a MockWebServer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WebhookTestClock.class)
class OneBotApiReplyIntegrationTests {

    static final MockWebServer ONEBOT_API = TestSupport.startedMockWebServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-api"));
        registry.add("tallybot.onebot.secret", () -> "onebot-secret");
        registry.add("tallybot.onebot.reply-mode", () -> "api");
        registry.add("tallybot.onebot.api-url", () -> ONEBOT_API.url("/").toString());
        registry.add("tallybot.onebot.access-token", () -> "kSLuTF2GC2Q4q4ugm3");
    }

    @AfterAll
    static void stopApi() {
        ONEBOT_API.close();
    }

    @LocalServerPort
    int port;

    @Test
    void sendsTheConfirmationThroughSendGroupMsgWithTheAccessToken() throws InterruptedException {
        ONEBOT_API.enqueue(new MockResponse.Builder().code(200)
            .body("{\"status\":\"ok\",\"retcode\":0,\"data\":{\"message_id\":1}}")
            .build());
        WebhookClient bot = new WebhookClient(port, "onebot-secret", "unused");

        WebhookClient.Answer answer = bot.post(OneBotEvents.groupMessage("639921629", 77, 30001, "member",
                "#上报 简阳市 射洪坝街道社工站 走访46户", WebhookTestBase.NOON));

        assertThat(answer.status()).isEqualTo(204);
        RecordedRequest sent = ONEBOT_API.takeRequest(10, TimeUnit.SECONDS);
        assertThat(sent).isNotNull();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/send_group_msg");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer kSLuTF2GC2Q4q4ugm3");
        String body = sent.getBody().utf8();
        assertThat(body).contains("\"group_id\":639921629").contains("简阳市·射洪坝街道社工站（11月29日）：走访46户");
        assertThat(body).as("the reply quotes the report it confirms")
            .startsWith("{\"group_id\":639921629,\"message\":[{\"type\":\"reply\",\"data\":{\"id\":\"77\"}}");
    }

}
