package cn.cdsw.tallybot.coordination.redis;

import java.time.Duration;

import io.lettuce.core.SetArgs;

import cn.cdsw.tallybot.coordination.Deduplicator;

/**
 * {@code SET key 1 NX PX ttl}: a null reply means another delivery, on any replica, took
 * the key first; the TTL keeps the key space bounded. While Redis is unreachable every
 * delivery counts as first, and the database's unique key decides.
 */
final class RedisDeduplicator implements Deduplicator {

    private final RedisLink redis;

    RedisDeduplicator(RedisLink redis) {
        this.redis = redis;
    }

    @Override
    public boolean firstDelivery(String key, Duration ttl) {
        return redis.call(c -> c.set(redis.key(key), "1", SetArgs.Builder.nx().px(ttl.toMillis())) != null, () -> true);
    }

}
