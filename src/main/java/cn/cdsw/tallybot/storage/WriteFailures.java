package cn.cdsw.tallybot.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The ledger's own evidence of whether the database takes writes: the last write that
 * failed because it could not (full, read-only, I/O error), forgotten once a write
 * succeeds. A check of the disk from outside cannot see every such cause (a quota, a
 * database size limit), but the failed write did.
 */
final class WriteFailures {

    private final Clock clock;

    private volatile Optional<Failure> last = Optional.empty();

    WriteFailures(Clock clock) {
        this.clock = clock;
    }

    void failed(String what) {
        last = Optional.of(new Failure(clock.instant(), what));
    }

    void succeeded() {
        if (last.isPresent()) {
            last = Optional.empty();
        }
    }

    /** The last failure, if no write succeeded after it. */
    Optional<Failure> last() {
        return last;
    }

    Instant now() {
        return clock.instant();
    }

    /** When a write failed, and what the database said. */
    record Failure(Instant at, String what) {
    }

}
