package cn.cdsw.tallybot.coordination.redis;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;

import cn.cdsw.tallybot.testing.TestServices;

/**
 * A {@link RedisLink} to the test Redis under a key prefix of its own, so tests never see
 * each other's keys or those of a bot on the same server; {@link #close} deletes every
 * key under the prefix.
 */
final class RedisTestLink implements AutoCloseable {

    final String prefix = "test-" + UUID.randomUUID() + ":";

    final RedisLink link;

    RedisTestLink() {
        this(TestServices.redisUrl());
    }

    RedisTestLink(String url) {
        this.link = new RedisLink(new RedisProperties(url, prefix, Duration.ofMillis(500), Duration.ofSeconds(1)));
    }

    /**
     * Waits until Redis has let lapse every key under the prefix whose TTL ends within
     * {@code duration}. Redis keeps its own time for TTLs, which a test's clock cannot
     * move; waiting on the keys rather than for the duration ends as soon as Redis has
     * expired them. A key given a longer TTL than asked stays, and the test then sees it.
     */
    void awaitLapsed(Duration duration) {
        List<String> lapsing = link.call(c -> c.keys(prefix + "*").stream().filter(key -> {
            long ttl = c.pttl(key);
            return ttl >= 0 && ttl <= duration.toMillis();
        }).toList(), List::of);
        if (lapsing.isEmpty()) {
            return;
        }
        Awaitility.await()
            .atMost(duration.plusSeconds(5))
            .until(() -> link.call(c -> c.exists(lapsing.toArray(String[]::new)), () -> -1L) == 0L);
    }

    @Override
    public void close() {
        link.call(c -> {
            List<String> keys = c.keys(prefix + "*");
            return keys.isEmpty() ? 0L : c.del(keys.toArray(String[]::new));
        }, () -> 0L);
        link.close();
    }

}
