package cn.cdsw.tallybot.coordination;

import java.time.Duration;

/**
 * Lets one replica at a time run the daily summary tick (design §7). It only saves duplicate work: the
 * {@code summary_post} claims in the database stay the final word on what is sent. The lock's value is the owner's
 * replica id, so only the owner can release it, and it expires after {@code ttl} if its owner dies.
 */
public interface SummaryLock {

    /**
     * True when {@code owner} took the lock now; false while it is held, by another replica or by {@code owner}
     * itself (both implementations set it only if absent, so a tick never overlaps an unfinished one).
     */
    boolean acquire(ReplicaId owner, Duration ttl);

    /** Releases the lock if {@code owner} holds it; a lock taken over by another replica is left alone. */
    void release(ReplicaId owner);
}
