package cn.cdsw.tallybot.coordination.local;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;

import cn.cdsw.tallybot.coordination.FollowUps;

/** In-process follow-up state for a single replica. */
public final class LocalFollowUps implements FollowUps {

    private record Held(String value, Duration ttl) {
    }

    private final Cache<String, Held> values;

    public LocalFollowUps(Clock clock) {
        this.values = ExpiringCaches.expiringAfter(clock, Held::ttl);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        values.put(key, new Held(value, ttl));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getIfPresent(key)).map(Held::value);
    }

    @Override
    public Optional<String> take(String key) {
        // an atomic remove, so of concurrent takers one gets the value; an expired entry
        // removes as nothing
        return Optional.ofNullable(values.asMap().remove(key)).map(Held::value);
    }

    /**
     * Values held, as Caffeine estimates it (tests check that memory follows what is
     * live).
     */
    long held() {
        return values.estimatedSize();
    }

}
