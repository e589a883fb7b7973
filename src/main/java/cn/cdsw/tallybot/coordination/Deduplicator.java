package cn.cdsw.tallybot.coordination;

import java.time.Duration;

/**
 * The fast path against redelivered events: the first caller for a key wins for
 * {@code ttl}. The database's unique keys stay the final word; this only saves re-parsing
 * a message that was already handled.
 */
public interface Deduplicator {

    /**
     * True for the first delivery of {@code key} within {@code ttl}, false for a repeat.
     */
    boolean firstDelivery(String key, Duration ttl);

}
