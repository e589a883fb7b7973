package cn.cdsw.tallybot.e2e;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * What the webhook end-to-end tests share: the real application on its own SQLite file, a
 * movable clock at noon of 29 November, a signing client, and small helpers to say
 * something in the seed group and read records back.
 */
@Import(WebhookTestClock.class)
abstract class WebhookTestBase {

    static final String SECRET = "onebot-secret";
    static final String TOKEN = "test-api-token";
    static final String GROUP = "1418159967";
    static final Instant NOON = Instant.parse("2026-11-29T04:00:00Z");

    private static final AtomicLong IDS = new AtomicLong(9000);

    @DynamicPropertySource
    static void webhookProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-e2e"));
        registry.add("tallybot.onebot.secret", () -> SECRET);
        registry.add("tallybot.api.token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    WebhookClient bot;

    @BeforeEach
    void connect() {
        bot = new WebhookClient(port, SECRET, TOKEN);
        clock.set(NOON);
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }

    WebhookClient.Answer say(long userId, String text) {
        return bot.post(OneBotEvents.groupMessage(GROUP, nextId(), userId, "member", text, clock.instant()));
    }

    int recordCount() {
        return bot.api("/api/v1/records?limit=1000").get("records").size();
    }

    JsonNode record(long id) {
        return bot.api("/api/v1/records/" + id);
    }

    /** The record id a confirmation names: 已记录 #128. */
    static long idIn(String reply) {
        return Long.parseLong(reply.replaceAll("(?s)^.*?#(\\d+).*$", "$1"));
    }

}
