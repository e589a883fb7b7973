package cn.cdsw.tallybot.platform.wecom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small in-memory map whose entries live for a fixed time and whose oldest entries go
 * first when it is full: what a callback leaves for its reply (its {@code response_url},
 * or that it was answered in the response) is only worth keeping until the reply has
 * left, which the outbound queue does within seconds, or not at all.
 */
final class ExpiringKeys<V> {

    private final Clock clock;

    private final Duration ttl;

    private final int capacity;

    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>();

    ExpiringKeys(Clock clock, Duration ttl, int capacity) {
        this.clock = clock;
        this.ttl = ttl;
        this.capacity = capacity;
    }

    static String key(String groupId, String messageId) {
        return groupId + '\u0000' + messageId;
    }

    synchronized void put(String key, V value) {
        Instant now = clock.instant();
        evict(now);
        entries.remove(key);
        entries.put(key, new Entry<>(value, now.plus(ttl)));
    }

    /** Removes and returns the live value of {@code key}. */
    synchronized Optional<V> take(String key) {
        Entry<V> entry = entries.remove(key);
        return entry == null || entry.expiresAt().isBefore(clock.instant()) ? Optional.empty()
                : Optional.of(entry.value());
    }

    synchronized int size() {
        return entries.size();
    }

    private void evict(Instant now) {
        Iterator<Map.Entry<String, Entry<V>>> oldestFirst = entries.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<String, Entry<V>> oldest = oldestFirst.next();
            if (entries.size() < capacity && !oldest.getValue().expiresAt().isBefore(now)) {
                return;
            }
            oldestFirst.remove();
        }
    }

    private record Entry<V>(V value, Instant expiresAt) {
    }

}
