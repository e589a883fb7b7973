package cn.cdsw.tallybot.coordination.local;

import java.time.Clock;
import java.time.Duration;

import cn.cdsw.tallybot.coordination.ReplicaId;
import cn.cdsw.tallybot.coordination.SummaryLock;

/** The summary lock within one process: keeps two overlapping ticks of this replica apart. */
public final class LocalSummaryLock implements SummaryLock {

    private static final String KEY = "tallybot:lock:summary";

    private final ExpiringMap locks;

    public LocalSummaryLock(Clock clock) {
        this.locks = new ExpiringMap(clock);
    }

    @Override
    public boolean acquire(ReplicaId owner, Duration ttl) {
        return locks.putIfAbsent(KEY, owner.value(), ttl);
    }

    @Override
    public void release(ReplicaId owner) {
        locks.removeIfValue(KEY, owner.value());
    }
}
