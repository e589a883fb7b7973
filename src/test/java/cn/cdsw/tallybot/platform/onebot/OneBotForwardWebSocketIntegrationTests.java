package cn.cdsw.tallybot.platform.onebot;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import cn.cdsw.tallybot.e2e.TestSupport;
import cn.cdsw.tallybot.testing.FakeOneBot;
import cn.cdsw.tallybot.testing.LogCapture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The forward WebSocket end to end: a MockWebServer upgrade plays NapCat's WebSocket
 * server, the bot dials it at start-up with the access token, takes events and answers
 * with {@code send_group_msg} frames; when the server goes away the bot dials again with
 * backoff, through two refused attempts, and logs the outage once.
 */
@SpringBootTest
@DirtiesContext
class OneBotForwardWebSocketIntegrationTests {

    static final MockWebServer NAPCAT = TestSupport.startedMockWebServer();

    static final FakeOneBot FIRST = new FakeOneBot();

    static final FakeOneBot SECOND = new FakeOneBot();

    static {
        NAPCAT.enqueue(new MockResponse.Builder().webSocketUpgrade(FIRST).build());
        NAPCAT.enqueue(new MockResponse.Builder().code(503).build());
        NAPCAT.enqueue(new MockResponse.Builder().code(503).build());
        NAPCAT.enqueue(new MockResponse.Builder().webSocketUpgrade(SECOND).build());
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-ws-forward"));
        registry.add("tallybot.onebot.mode", () -> "ws-forward");
        registry.add("tallybot.onebot.ws-url", () -> "ws://127.0.0.1:" + NAPCAT.getPort() + "/");
        registry.add("tallybot.onebot.access-token", () -> "forward-token");
        registry.add("tallybot.onebot.reconnect-initial", () -> "20ms");
        registry.add("tallybot.onebot.reconnect-max", () -> "100ms");
    }

    @AfterAll
    static void stopNapCat() {
        NAPCAT.close();
    }

    @RegisterExtension
    final LogCapture log = LogCapture.of(OneBotForwardClient.class);

    @Autowired
    OneBotForwardClient client;

    @Autowired
    Clock clock;

    @Test
    void dialsWithTheTokenTakesEventsAnswersAndDialsAgainAfterTheServerWentAway() throws InterruptedException {
        FIRST.awaitOpen();
        RecordedRequest upgrade = NAPCAT.takeRequest(10, TimeUnit.SECONDS);
        assertThat(upgrade).isNotNull();
        assertThat(upgrade.getHeaders().get("Authorization")).isEqualTo("Bearer forward-token");

        FIRST.send(groupMessage(5001, "#上报 简阳市 射洪坝街道社工站 走访46户"));
        assertThat(FakeOneBot.text(FIRST.nextAction())).contains("已记录").contains("走访46户");

        FIRST.drop();
        SECOND.awaitOpen();
        SECOND.send(groupMessage(5002, "#上报 简阳市 射洪坝街道社工站 走访47户"));
        assertThat(FakeOneBot.text(SECOND.nextAction())).contains("走访47户");

        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(log.lines(ch.qos.logback.classic.Level.INFO))
                .anyMatch(line -> line.contains("connected again after 3 failed attempts")));
        assertThat(log.warnings()).singleElement()
            .asString()
            .startsWith("OneBot WebSocket ws://127.0.0.1:" + NAPCAT.getPort() + "/ lost: it was closed by the "
                    + "implementation (1001)");
        client.close();
    }

    private byte[] groupMessage(long messageId, String text) {
        return ("{\"time\":" + clock.instant().getEpochSecond() + ",\"self_id\":10001000,\"post_type\":\"message\","
                + "\"message_type\":\"group\",\"sub_type\":\"normal\",\"message_id\":" + messageId
                + ",\"group_id\":639921629,\"user_id\":30001,\"message\":[{\"type\":\"text\",\"data\":{\"text\":\""
                + text + "\"}}],\"sender\":{\"user_id\":30001,\"nickname\":\"社工\",\"card\":\"\",\"role\":\"member\"}}")
            .getBytes(StandardCharsets.UTF_8);
    }

}
