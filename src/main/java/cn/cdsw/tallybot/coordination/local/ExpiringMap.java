package cn.cdsw.tallybot.coordination.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A concurrent map whose entries expire, read against the injected clock. Expired entries are dropped when
 * touched and swept now and then, so memory stays bounded by what is live. A sweep reads every entry, so it
 * comes after as many writes as half the entries there were at the last sweep (and at least 1,024): its cost
 * spread over those writes stays constant however many entries are live.
 */
final class ExpiringMap {

    static final int MIN_WRITES_BETWEEN_SWEEPS = 1024;

    private record Entry(String value, Instant expiresAt) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger writesSinceSweep = new AtomicInteger();
    private volatile int sweepAfter = MIN_WRITES_BETWEEN_SWEEPS;

    ExpiringMap(Clock clock) {
        this.clock = clock;
    }

    boolean putIfAbsent(String key, String value, Duration ttl) {
        Instant now = clock.instant();
        Entry fresh = new Entry(value, now.plus(ttl));
        Entry winner = entries.compute(key, (k, old) -> old == null || !old.expiresAt().isAfter(now) ? fresh : old);
        sweepNowAndThen(now);
        return winner == fresh;
    }

    void put(String key, String value, Duration ttl) {
        Instant now = clock.instant();
        entries.put(key, new Entry(value, now.plus(ttl)));
        sweepNowAndThen(now);
    }

    Optional<String> get(String key) {
        Entry entry = entries.get(key);
        return entry != null && entry.expiresAt().isAfter(clock.instant()) ? Optional.of(entry.value())
                : Optional.empty();
    }

    Optional<String> remove(String key) {
        Entry entry = entries.remove(key);
        return entry != null && entry.expiresAt().isAfter(clock.instant()) ? Optional.of(entry.value())
                : Optional.empty();
    }

    /** Entries held, expired or not (tests check that memory follows what is live). */
    int held() {
        return entries.size();
    }

    private void sweepNowAndThen(Instant now) {
        if (writesSinceSweep.incrementAndGet() >= sweepAfter) {
            writesSinceSweep.set(0);
            entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
            sweepAfter = Math.max(MIN_WRITES_BETWEEN_SWEEPS, entries.size() / 2);
        }
    }
}
