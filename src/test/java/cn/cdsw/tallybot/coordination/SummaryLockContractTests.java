package cn.cdsw.tallybot.coordination;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary lock's contract: one owner at a time, released only by its owner (style rules 20, 35). */
public abstract class SummaryLockContractTests extends CoordinationContract {

    static final ReplicaId A = new ReplicaId("replica-a");
    static final ReplicaId B = new ReplicaId("replica-b");

    protected abstract SummaryLock lock();

    @Test
    void oneOwnerAtATime() {
        SummaryLock lock = lock();

        assertThat(lock.acquire(A, Duration.ofMinutes(5))).isTrue();
        assertThat(lock.acquire(B, Duration.ofMinutes(5))).isFalse();
        lock.release(A);
        assertThat(lock.acquire(B, Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void aReplicaCannotReleaseAnothersLock() {
        SummaryLock lock = lock();
        lock.acquire(A, Duration.ofMinutes(5));

        lock.release(B);

        assertThat(lock.acquire(B, Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void aDeadOwnersLockExpires() {
        SummaryLock lock = lock();
        lock.acquire(A, Duration.ofMillis(300));
        elapse(Duration.ofMillis(400));

        assertThat(lock.acquire(B, Duration.ofMinutes(5))).isTrue();
        lock.release(A);
        assertThat(lock.acquire(A, Duration.ofMinutes(5))).as("A's late release left B's lock alone").isFalse();
    }
}
