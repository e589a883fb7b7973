package cn.cdsw.tallybot.coordination.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import ch.qos.logback.classic.Level;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Status;

import cn.cdsw.tallybot.coordination.RateLimiter;
import cn.cdsw.tallybot.coordination.local.LocalFollowUps;
import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.testing.LogCapture;
import cn.cdsw.tallybot.testing.RedisServerProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redis outage on a server of the test's own: every port falls back at once, one WARN
 * for the whole outage, health DOWN for Redis but not overall, then Redis is used again,
 * with one INFO, once it is back.
 */
class RedisOutageIntegrationTests {

    /**
     * What Lettuce answers at once while disconnected, instead of queueing the command
     * until it times out.
     */
    static final String REJECTED_WHILE_DISCONNECTED = "RedisException: Currently not connected. Commands are rejected.";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

    @RegisterExtension
    final LogCapture log = LogCapture.of(RedisLink.class);

    /**
     * Lettuce's own reconnect attempts during the outage; not what this test is about.
     */
    @RegisterExtension
    final LogCapture lettuce = LogCapture.quieting("io.lettuce.core.protocol.ConnectionWatchdog");

    RedisServerProcess server;

    RedisTestLink redis;

    @BeforeEach
    void start() {
        server = RedisServerProcess.started();
        redis = new RedisTestLink(server.url());
    }

    @AfterEach
    void stop() {
        // null where the machine has no redis-server and the test was skipped before it
        // started one
        if (redis != null) {
            redis.link.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void portsFallBackDuringAnOutageWithOneWarnAndComeBackWithOneInfo() {
        RedisDeduplicator dedup = new RedisDeduplicator(redis.link);
        RedisFollowUps followUps = new RedisFollowUps(redis.link, new LocalFollowUps(clock));
        RedisRateLimiter limiter = new RedisRateLimiter(redis.link, clock, 1, Duration.ofMinutes(1));
        RedisHealth health = new RedisHealth(redis.link);
        assertThat(dedup.firstDelivery("tallybot:dedup:onebot:1:1", Duration.ofMinutes(1))).isTrue();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        server.stop();
        // Lettuce notices the closed connection by itself; from then on no call may wait
        // for Redis
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.DOWN));
        // Each call is refused on the spot rather than after the command timeout: an
        // outage never holds a message.
        for (int i = 0; i < 200; i++) {
            assertThat(dedup.firstDelivery("tallybot:dedup:onebot:1:1", Duration.ofMinutes(1))).isTrue();
            assertThat(redis.link.lastError()).as("why dedup %d fell back", i).isEqualTo(REJECTED_WHILE_DISCONNECTED);
            assertThat(limiter.admit("onebot", "10001")).isEqualTo(RateLimiter.Admission.ALLOWED);
            assertThat(redis.link.lastError()).as("why limit %d fell back", i).isEqualTo(REJECTED_WHILE_DISCONNECTED);
        }
        followUps.put("tallybot:followup:onebot:1:10001", "question", Duration.ofMinutes(5));
        assertThat(followUps.take("tallybot:followup:onebot:1:10001")).contains("question");
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsKeys("address", "error", "fallback");
        assertThat(RedisHealth.aggregator().getAggregateStatus(Set.of(Status.UP, health.health().getStatus())))
            .as("the replica stays in service")
            .isEqualTo(Status.UP);
        assertThat(RedisHealth.aggregator().getAggregateStatus(Set.of(Status.DOWN, Status.UP)))
            .as("any other DOWN still counts")
            .isEqualTo(Status.DOWN);
        assertThat(log.warnings()).singleElement()
            .asString()
            .startsWith("Redis at " + server.url() + " is unreachable");
        assertThat(log.lines(Level.INFO)).isEmpty();

        server.start();
        Awaitility.await()
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> !dedup.firstDelivery("tallybot:dedup:onebot:1:2", Duration.ofMinutes(1)));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(log.lines(Level.INFO)).singleElement()
            .asString()
            .startsWith("Redis at " + server.url() + " answers again");
        assertThat(log.warnings()).hasSize(1);
        assertThat(log.errors()).isEmpty();
    }

}
