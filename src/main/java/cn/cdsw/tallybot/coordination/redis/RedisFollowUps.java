package cn.cdsw.tallybot.coordination.redis;

import java.time.Duration;
import java.util.Optional;

import io.lettuce.core.SetArgs;

import cn.cdsw.tallybot.coordination.FollowUps;

/**
 * Follow-up state in Redis, so a question asked by one replica is answered on another;
 * {@code GETDEL} makes the take atomic. While Redis is unreachable the state lives in
 * {@code fallback} in this process, and reads look there too, so a question asked during
 * an outage can still be answered on the replica that asked it.
 */
final class RedisFollowUps implements FollowUps {

    private final RedisLink redis;

    private final FollowUps fallback;

    RedisFollowUps(RedisLink redis, FollowUps fallback) {
        this.redis = redis;
        this.fallback = fallback;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        boolean stored = redis.call(c -> c.set(redis.key(key), value, SetArgs.Builder.px(ttl.toMillis())) != null,
                () -> false);
        if (stored) {
            fallback.take(key);
        }
        else {
            fallback.put(key, value, ttl);
        }
    }

    @Override
    public Optional<String> get(String key) {
        Optional<String> shared = redis.call(c -> Optional.ofNullable(c.get(redis.key(key))), Optional::empty);
        return shared.isPresent() ? shared : fallback.get(key);
    }

    @Override
    public Optional<String> take(String key) {
        Optional<String> shared = redis.call(c -> Optional.ofNullable(c.getdel(redis.key(key))), Optional::empty);
        Optional<String> local = fallback.take(key);
        return shared.isPresent() ? shared : local;
    }

}
