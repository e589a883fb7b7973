package cn.cdsw.tallybot.coordination.local;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Caffeine caches for the in-process coordination ports: each entry expires after the TTL
 * its value carries, measured on the injected clock, so tests let a TTL pass by moving
 * their clock instead of sleeping. Expired entries are invisible at once and dropped by
 * Caffeine's timer wheel as writes go on, so memory follows what is live.
 */
final class ExpiringCaches {

    private ExpiringCaches() {
    }

    /** A cache whose entries live for {@code ttl.apply(value)} from their last write. */
    static <V> Cache<String, V> expiringAfter(Clock clock, Function<? super V, Duration> ttl) {
        return Caffeine.newBuilder()
            .ticker(ticker(clock))
            .expireAfter(Expiry.<String, V>writing((key, value) -> ttl.apply(value)))
            // Maintenance (dropping expired entries) runs on the writing thread: the work
            // is what the writes
            // caused, and it happens before the call returns, which keeps tests on a
            // moved clock exact.
            .executor(Runnable::run)
            .build();
    }

    /**
     * The clock's time in nanoseconds; millisecond steps are fine for TTLs of seconds and
     * minutes.
     */
    static Ticker ticker(Clock clock) {
        return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }

}
