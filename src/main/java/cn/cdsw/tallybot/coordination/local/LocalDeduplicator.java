package cn.cdsw.tallybot.coordination.local;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;

import cn.cdsw.tallybot.coordination.Deduplicator;

/**
 * In-process de-duplication for a single replica: a key and its TTL, kept until the TTL
 * has passed.
 */
public final class LocalDeduplicator implements Deduplicator {

    private final Cache<String, Duration> seen;

    public LocalDeduplicator(Clock clock) {
        this.seen = ExpiringCaches.expiringAfter(clock, ttl -> ttl);
    }

    @Override
    public boolean firstDelivery(String key, Duration ttl) {
        // Caffeine counts an expired entry as absent here, so a key is first again once
        // its TTL has passed.
        return seen.asMap().putIfAbsent(key, ttl) == null;
    }

    /**
     * Keys held, as Caffeine estimates it (tests check that memory follows what is live).
     */
    long held() {
        return seen.estimatedSize();
    }

}
