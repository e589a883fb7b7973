package cn.cdsw.tallybot.coordination.redis;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import cn.cdsw.tallybot.testing.TestServices;

/**
 * A {@link RedisLink} to the test Redis under a key prefix of its own, so tests never see each other's keys or
 * those of a bot on the same server; {@link #close} deletes every key under the prefix.
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

    @Override
    public void close() {
        link.call(c -> {
            List<String> keys = c.keys(prefix + "*");
            return keys.isEmpty() ? 0L : c.del(keys.toArray(String[]::new));
        }, () -> 0L);
        link.close();
    }
}
