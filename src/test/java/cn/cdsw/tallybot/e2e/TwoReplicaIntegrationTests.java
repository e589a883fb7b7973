package cn.cdsw.tallybot.e2e;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import tools.jackson.databind.JsonNode;

import cn.cdsw.tallybot.TallybotApplication;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.summary.DailySummaryService;
import cn.cdsw.tallybot.testing.OneBotApiStub;
import cn.cdsw.tallybot.testing.PostgresSchema;
import cn.cdsw.tallybot.testing.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the real application on different ports, sharing one PostgreSQL schema
 * and one Redis prefix (docs/architecture.md §1): 2,000 signed reports, each to a random
 * replica and one in ten again to the other at the same time; the totals are exact, each
 * summary group gets one post when both replicas tick, and a question asked by one
 * replica is answered on the other. In this order, as one day of a deployment would go.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicaIntegrationTests {

    static final String SECRET = "two-replica-secret";
    static final String TOKEN = "two-replica-token";
    static final String GROUP = "1418159967";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOON = LocalDateTime.parse("2026-11-29T12:00").atZone(SHANGHAI).toInstant();
    static final String[] DISTRICTS = { "锦江区", "金牛区", "武侯区", "成华区" };
    static final String[] UNITS = { "三圣街道社工站", "荷花池街道社工站", "玉林街道社工站" };
    static final int EVENTS = 2000;

    /** The one clock both replicas read, as NTP-synchronised machines would. */
    static final MutableClock CLOCK = new MutableClock(NOON);

    static String redisUrl;
    static String prefix;
    static PostgresSchema schema;
    static OneBotApiStub api;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @Configuration(proxyBeanMethods = false)
    static class SharedClock {

        @Bean
        @Primary
        MutableClock sharedClock() {
            return CLOCK;
        }

    }

    @BeforeAll
    static void startReplicas() {
        redisUrl = TestServices.redisUrl();
        schema = PostgresSchema.create();
        api = new OneBotApiStub();
        prefix = "test-" + UUID.randomUUID() + ":";
        a = replica(redisUrl, prefix);
        b = replica(redisUrl, prefix);
    }

    static ConfigurableApplicationContext replica(String redisUrl, String prefix) {
        return new SpringApplicationBuilder(TallybotApplication.class, SharedClock.class).run("--server.port=0",
                "--spring.datasource.url=" + schema.url(), "--tallybot.redis.url=" + redisUrl,
                "--tallybot.redis.key-prefix=" + prefix, "--tallybot.onebot.secret=" + SECRET,
                "--tallybot.api.token=" + TOKEN, "--tallybot.onebot.api-url=" + api.url(),
                "--tallybot.summary.enabled=false");
    }

    @AfterAll
    static void stopReplicas() {
        for (AutoCloseable resource : new AutoCloseable[] { a, b, api, schema }) {
            try {
                if (resource != null) {
                    resource.close();
                }
            }
            catch (Exception e) {
                // closing the rest matters more than this one's failure
            }
        }
        if (prefix != null) {
            deleteKeys(redisUrl, prefix);
        }
    }

    /**
     * The keys both replicas left under the test's prefix; most would only expire in ten
     * minutes.
     */
    static void deleteKeys(String url, String prefix) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        }
        finally {
            client.shutdown();
        }
    }

    static WebhookClient client(ConfigurableApplicationContext replica) {
        return new WebhookClient(((WebServerApplicationContext) replica).getWebServer().getPort(), SECRET, TOKEN);
    }

    /**
     * One report event; its figures follow from its index so the expected totals are a
     * plain sum.
     */
    record Report(int index) {

        String district() {
            return DISTRICTS[index % DISTRICTS.length];
        }

        long visits() {
            return 1 + index % 97;
        }

        long calls() {
            return index % 5 == 0 ? 0 : 2 + index % 13;
        }

        byte[] event() {
            String text = "#上报 " + district() + " " + UNITS[index % UNITS.length] + " 走访" + visits() + "户"
                    + (calls() > 0 ? " 电话" + calls() + "次" : "");
            return OneBotEvents.groupMessage(GROUP, 900_000 + index, 20_000 + index % 400, "member", text, NOON);
        }
    }

    @Test
    @Order(1)
    void twoThousandReportsWithRedeliveriesAcrossReplicasAddUpExactly() throws Exception {
        List<WebhookClient> replicas = List.of(client(a), client(b));
        Random random = new Random(5);
        List<Callable<WebhookClient.Answer>> posts = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            byte[] event = new Report(i).event();
            int first = random.nextInt(2);
            posts.add(() -> replicas.get(first).post(event));
            if (random.nextInt(10) == 0) {
                posts.add(() -> replicas.get(1 - first).post(event));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<WebhookClient.Answer> answer : pool.invokeAll(posts)) {
                assertThat(answer.get().status()).isEqualTo(200);
                assertThat(answer.get().replyText()).startsWith("✅ 已记录");
            }
        }
        finally {
            pool.shutdownNow();
        }

        JsonNode totals = replicas.get(0).api("/api/v1/totals?from=2026-11-29&to=2026-11-29");
        assertThat(totals.get("reports").asLong()).isEqualTo(EVENTS);
        assertThat(metric(totals, "visits")).isEqualTo(sum(Report::visits));
        assertThat(metric(totals, "calls")).isEqualTo(sum(Report::calls));
        for (JsonNode district : totals.get("by_district")) {
            long expected = IntStream.range(0, EVENTS)
                .mapToObj(Report::new)
                .filter(r -> r.district().equals(district.get("district").asString()))
                .count();
            assertThat(district.get("reports").asLong()).as(district.get("district").asString()).isEqualTo(expected);
        }
        assertThat(replicas.get(1).api("/api/v1/totals?from=2026-11-29&to=2026-11-29")).isEqualTo(totals);
    }

    @Test
    @Order(2)
    void whenBothReplicasTickAtEightEachSummaryGroupGetsOnePost() throws Exception {
        Instant eight = LocalDateTime.parse("2026-11-29T20:00").atZone(SHANGHAI).toInstant();
        CLOCK.set(eight);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Void>> ticks = new ArrayList<>();
            for (ConfigurableApplicationContext replica : List.of(a, b, a, b)) {
                ticks.add(() -> {
                    replica.getBean(DailySummaryService.class).postDue(eight);
                    return null;
                });
            }
            for (Future<Void> tick : pool.invokeAll(ticks)) {
                tick.get();
            }
            // the posts leave from the replicas' outbound queues
            for (ConfigurableApplicationContext replica : List.of(a, b)) {
                OutboundService outbound = replica.getBean(OutboundService.class);
                await().until(() -> outbound.backlog() == 0);
            }
        }
        finally {
            pool.shutdownNow();
            CLOCK.set(NOON);
        }

        assertThat(api.acceptedPerGroup()).isEqualTo(Map.of("639921629", 1, GROUP, 1));
    }

    @Test
    @Order(3)
    void onMondayAndOnTheFirstBothReplicasTickAndEachSummaryGroupGetsOneReport() throws Exception {
        Instant monday = LocalDateTime.parse("2026-11-30T09:00").atZone(SHANGHAI).toInstant();
        Instant first = LocalDateTime.parse("2026-12-01T09:00").atZone(SHANGHAI).toInstant();
        int before = api.calls().size();
        try {
            tickOnBoth(monday);
            tickOnBoth(monday.plusSeconds(60));
            tickOnBoth(first);
        }
        finally {
            CLOCK.set(NOON);
        }

        List<String> posted = api.calls()
            .subList(before, api.calls().size())
            .stream()
            .filter(OneBotApiStub.Call::accepted)
            .map(call -> call.groupId() + " "
                    + (call.body().contains("周报") ? "weekly" : call.body().contains("月报") ? "monthly" : "daily"))
            .toList();
        // Before 20:00 the daily summary due is the day before's: on Monday the 29th's,
        // posted at Order(2); on the 1st the 30th's, which nobody posted, so one 补发 each.
        // October's report is not owed: the replicas started after its slot.
        assertThat(posted).containsExactlyInAnyOrder("639921629 weekly", GROUP + " weekly", "639921629 monthly",
                GROUP + " monthly", "639921629 daily", GROUP + " daily");
        assertThat(api.calls().subList(before, api.calls().size()).stream().filter(call -> call.body().contains("周报")))
            .allSatisfy(call -> assertThat(call.body()).contains("2026年11月23日—11月29日"));
    }

    /**
     * Both replicas tick twice at {@code at}, at the same time, and send what they
     * queued.
     */
    static void tickOnBoth(Instant at) throws Exception {
        CLOCK.set(at);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Void>> ticks = new ArrayList<>();
            for (ConfigurableApplicationContext replica : List.of(a, b, a, b)) {
                ticks.add(() -> {
                    replica.getBean(DailySummaryService.class).postDue(at);
                    return null;
                });
            }
            for (Future<Void> tick : pool.invokeAll(ticks)) {
                tick.get();
            }
            for (ConfigurableApplicationContext replica : List.of(a, b)) {
                OutboundService outbound = replica.getBean(OutboundService.class);
                await().until(() -> outbound.backlog() == 0);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void aQuestionAskedByOneReplicaIsAnsweredOnTheOther() {
        long sender = 77_001;
        Instant later = NOON.plusSeconds(60);
        String asked = client(a)
            .post(OneBotEvents.groupMessage(GROUP, 990_001, sender, "member", "#上报 三圣街道社工站 走访3户", later))
            .replyText();
        String answered = client(b).post(OneBotEvents.groupMessage(GROUP, 990_002, sender, "member", "锦江区", later))
            .replyText();

        assertThat(asked).contains("请补充区县");
        assertThat(answered).startsWith("✅ 已记录").contains("锦江区·三圣街道社工站");
    }

    @Test
    @Order(5)
    void aPlaceAnsweredInPartsOnBothReplicasIsStoredOnce() {
        long sender = 77_002;
        Instant later = NOON.plusSeconds(120);
        String asked = client(a).post(OneBotEvents.groupMessage(GROUP, 990_003, sender, "member", "#上报 走访4户", later))
            .replyText();
        String half = client(b).post(OneBotEvents.groupMessage(GROUP, 990_004, sender, "member", "锦江区", later))
            .replyText();
        String stored = client(a).post(OneBotEvents.groupMessage(GROUP, 990_005, sender, "member", "三圣街道社工站", later))
            .replyText();

        assertThat(asked).contains("还差区县和单位");
        assertThat(half).startsWith("📝 已记下锦江区，还差单位");
        assertThat(stored).startsWith("✅ 已记录").contains("锦江区·三圣街道社工站");
        assertThat(
                client(b).post(OneBotEvents.groupMessage(GROUP, 990_006, sender, "member", "三圣街道社工站", later)).status())
            .isEqualTo(204);
    }

    private static long metric(JsonNode totals, String key) {
        long sum = 0;
        for (JsonNode metric : totals.get("metrics")) {
            if (metric.get("key").asString().equals(key)) {
                sum += metric.get("value").asLong();
            }
        }
        return sum;
    }

    private static long sum(ToLongFunction<Report> figure) {
        return IntStream.range(0, EVENTS).mapToObj(Report::new).mapToLong(figure).sum();
    }

}
