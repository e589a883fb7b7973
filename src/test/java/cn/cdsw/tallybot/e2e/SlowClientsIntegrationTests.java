package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Clients that send their bodies slowly must not starve real deliveries or the health
 * check. The server here has four request threads, and ten clients send a byte of their
 * body every 200 ms: with a blocking body read they would hold every thread for as long
 * as they liked. The webhook reads bodies without a thread, and answers 408 once
 * {@code body-timeout} has passed; a body that nothing reads makes the server close the
 * connection rather than drain the body on a request thread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.tomcat.threads.max=4", "server.tomcat.threads.min-spare=1", "tallybot.onebot.body-timeout=10s" })
class SlowClientsIntegrationTests extends WebhookTestBase {

    /** More than the four request threads. */
    private static final int SLOW_CLIENTS = 10;

    private final List<SlowClient> slow = new ArrayList<>();

    private ScheduledExecutorService dripper;

    @BeforeEach
    void startDripping() {
        dripper = Executors.newSingleThreadScheduledExecutor();
        dripper.scheduleWithFixedDelay(() -> slow.forEach(SlowClient::drip), 200, 200, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() throws IOException {
        dripper.shutdownNow();
        for (SlowClient client : slow) {
            client.close();
        }
    }

    @Test
    void slowWebhookBodiesLeaveThreadsForDeliveriesAndHealthAndEndIn408() {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slow.add(SlowClient.start(port, "POST", "/webhook/onebot", "X-Signature: sha1=00"));
        }

        WebhookClient.Answer report = say(30001, "#上报 锦江区 三圣街道社工站 走访3户");
        WebhookClient.Answer health = bot.get("/actuator/health", null);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.replyText()).startsWith("✅ 已记录");
        assertThat(health.status()).isEqualTo(200);
        assertThat(slow).as("the slow clients were still sending while the others were served")
            .noneMatch(SlowClient::answered);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(slow).allMatch(SlowClient::closed));
        assertThat(slow).extracting(SlowClient::statusLine).containsOnly("HTTP/1.1 408 ");
    }

    @Test
    void aBodyNothingReadsLeavesTheAnswerAsItWasAndClosesTheConnection() {
        slow.add(SlowClient.start(port, "GET", "/api/v1/records", "Authorization: Bearer " + TOKEN));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(slow).allMatch(SlowClient::closed));
        assertThat(slow.get(0).statusLine()).isEqualTo("HTTP/1.1 200 ");
    }

    /**
     * The actuator would read a JSON body on the request thread, even for a GET of
     * health.
     */
    @Test
    void theHealthCheckRefusesABodyAtOnce() {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slow.add(SlowClient.start(port, "GET", "/actuator/health"));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(slow).allMatch(SlowClient::closed));
        assertThat(slow).extracting(SlowClient::statusLine).containsOnly("HTTP/1.1 413 ");
        assertThat(bot.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void bodiesThatNothingReadsDoNotHoldAThreadEither() {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slow.add(i % 2 == 0 ? SlowClient.start(port, "POST", "/no/such/path")
                    : SlowClient.start(port, "PUT", "/webhook/onebot"));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(slow).allMatch(SlowClient::answered));
        WebhookClient.Answer health = bot.get("/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(say(30002, "#上报 锦江区 三圣街道社工站 走访4户").status()).isEqualTo(200);
        assertThat(slow).extracting(SlowClient::statusLine).containsOnly("HTTP/1.1 404 ", "HTTP/1.1 405 ");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(slow).allMatch(SlowClient::closed));
    }

    /**
     * Nothing here takes uploads; a multipart body must not be parsed on a request thread
     * before any handler.
     */
    @Test
    void multipartBodiesAreNotParsedOnARequestThread() {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slow.add(SlowClient.start(port, "POST", i % 2 == 0 ? "/no/such/path" : "/webhook/onebot",
                    "Content-Type: multipart/form-data; boundary=slow"));
        }

        WebhookClient.Answer health = bot.get("/actuator/health", null);
        WebhookClient.Answer report = say(30003, "#上报 锦江区 三圣街道社工站 走访5户");

        assertThat(health.status()).isEqualTo(200);
        assertThat(report.status()).isEqualTo(200);
    }

}
