package cn.cdsw.tallybot.coordination.local;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import cn.cdsw.tallybot.coordination.FollowUps;

/** In-process follow-up state for a single replica. */
public final class LocalFollowUps implements FollowUps {

    private final ExpiringMap values;

    public LocalFollowUps(Clock clock) {
        this.values = new ExpiringMap(clock);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        values.put(key, value, ttl);
    }

    @Override
    public Optional<String> get(String key) {
        return values.get(key);
    }

    @Override
    public Optional<String> take(String key) {
        return values.remove(key);
    }
}
