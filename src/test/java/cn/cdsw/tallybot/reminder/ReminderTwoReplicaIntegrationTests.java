package cn.cdsw.tallybot.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import cn.cdsw.tallybot.testing.OneBotApiStub;
import cn.cdsw.tallybot.testing.PostgresSchema;
import cn.cdsw.tallybot.testing.TestServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static cn.cdsw.tallybot.reminder.ReminderApplications.STATIONS;
import static cn.cdsw.tallybot.reminder.ReminderApplications.STREETS;
import static cn.cdsw.tallybot.reminder.ReminderApplications.bind;
import static cn.cdsw.tallybot.reminder.ReminderApplications.local;
import static cn.cdsw.tallybot.reminder.ReminderApplications.report;
import static cn.cdsw.tallybot.reminder.ReminderApplications.start;
import static cn.cdsw.tallybot.reminder.ReminderApplications.tick;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas on one PostgreSQL schema and one Redis prefix tick at the same instants:
 * each group gets each slot's reminder once, and a replica started after the slot sends
 * nothing more.
 */
class ReminderTwoReplicaIntegrationTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Test
    void twoReplicasTickingTogetherSendEachSlotOnce() throws Exception {
        String redisUrl = TestServices.redisUrl();
        String prefix = "test-reminder-" + UUID.randomUUID() + ":";
        PostgresSchema schema = PostgresSchema.create();
        OneBotApiStub api = new OneBotApiStub();
        ConfigurableApplicationContext a = null;
        ConfigurableApplicationContext b = null;
        try {
            String[] redis = { "--tallybot.redis.url=" + redisUrl, "--tallybot.redis.key-prefix=" + prefix };
            a = start(schema.url(), api, redis);
            b = start(schema.url(), api, redis);
            report(a, "10001", "张三", "锦江区", "三圣街道社工站", MONDAY);
            bind(a, "10002", "锦江区", "锦官驿街道社工站");

            for (String time : List.of("2026-11-30T17:00", "2026-11-30T17:00:01", "2026-11-30T17:02")) {
                Instant now = local(time);
                ConfigurableApplicationContext first = a;
                ConfigurableApplicationContext second = b;
                CompletableFuture
                    .allOf(CompletableFuture.runAsync(() -> tick(first, now)),
                            CompletableFuture.runAsync(() -> tick(second, now)))
                    .get();
            }
            assertThat(api.acceptedPerGroup()).containsOnlyKeys(STREETS, STATIONS).containsValues(1, 1);
            assertThat(api.calls()).hasSize(2)
                .allSatisfy(call -> assertThat(call.body()).contains("锦江区：锦官驿街道社工站\\n")
                    .contains("{\"type\":\"at\",\"data\":{\"qq\":\"10002\"}}"));

            a.close();
            a = start(schema.url(), api, redis);
            tick(a, local("2026-11-30T17:10"));
            tick(b, local("2026-11-30T17:10"));
            assertThat(api.calls()).as("a replica started after the slot").hasSize(2);
        }
        finally {
            for (AutoCloseable resource : new AutoCloseable[] { a, b, api, schema }) {
                if (resource != null) {
                    resource.close();
                }
            }
            deleteKeys(redisUrl, prefix);
        }
    }

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

}
