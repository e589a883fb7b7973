package cn.cdsw.tallybot.coordination.local;

import java.time.Clock;
import java.time.Duration;

import cn.cdsw.tallybot.coordination.Deduplicator;

/** In-process de-duplication for a single replica. */
public final class LocalDeduplicator implements Deduplicator {

    private final ExpiringMap seen;

    public LocalDeduplicator(Clock clock) {
        this.seen = new ExpiringMap(clock);
    }

    @Override
    public boolean firstDelivery(String key, Duration ttl) {
        return seen.putIfAbsent(key, "1", ttl);
    }
}
