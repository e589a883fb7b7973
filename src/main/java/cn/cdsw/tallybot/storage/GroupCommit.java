package cn.cdsw.tallybot.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link Ledger}'s writer on a database with one writer (docs/storage.md §8): units
 * queue here, and one thread runs up to {@code maxBatch} of them in one transaction, each
 * in its own savepoint, and commits once; only then is each caller answered. SQLite
 * serialises writers anyway, so this changes no ordering; it turns N commits and N
 * connection hand-overs into one.
 *
 * <p>
 * A unit whose work throws or rolls back returns to its savepoint; the others in the
 * batch commit. Should the batch's commit itself fail, the whole batch was rolled back,
 * and each unit is run again alone in its own transaction, so nothing is applied twice. A
 * unit whose statement ran past its timeout ends the batch at once, since SQLite rolled
 * the batch back with it; that unit fails and the rest run alone. The rollups of a
 * batch's records are brought up to date once, when it commits ({@link BeforeCommit}).
 */
final class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final TransactionTemplate batch;

    private final TransactionTemplate savepoint;

    private final TransactionTemplate alone;

    private final int maxBatch;

    private final WriterMetrics metrics;

    private final BlockingQueue<PendingUnit<?>> queue = new LinkedBlockingQueue<>();

    private final Thread writer = new Thread(this::run, "group-commit");

    private volatile boolean running = true;

    /**
     * Starts the writer thread; {@code savepoint} nests in {@code batch}, {@code alone}
     * starts a transaction.
     */
    GroupCommit(TransactionTemplate batch, TransactionTemplate savepoint, TransactionTemplate alone, int maxBatch,
            WriterMetrics metrics) {
        this.batch = batch;
        this.savepoint = savepoint;
        this.alone = alone;
        this.maxBatch = maxBatch;
        this.metrics = metrics;
        metrics.watch(queue);
        writer.setDaemon(true);
        writer.start();
    }

    /** Whether the writer still takes units; after a stop, callers commit alone. */
    boolean running() {
        return running;
    }

    /** Queues {@code work} for the writer's next batch. */
    <T extends @Nullable Object> PendingUnit<T> submit(Work<T> work) {
        PendingUnit<T> unit = new PendingUnit<>(work);
        queue.add(unit);
        return unit;
    }

    private void run() {
        List<PendingUnit<?>> units = new ArrayList<>(maxBatch);
        while (running) {
            try {
                // bounded wait, so that a stop is noticed within a second
                PendingUnit<?> first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    units.add(first);
                    queue.drainTo(units, maxBatch - 1);
                    commit(units);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            finally {
                units.clear();
            }
        }
    }

    private void commit(List<PendingUnit<?>> units) {
        metrics.batch(units.size());
        List<Runnable> answers = new ArrayList<>(units.size());
        try {
            batch.executeWithoutResult(status -> {
                for (PendingUnit<?> unit : units) {
                    Runnable answer = unit.runIn(savepoint);
                    if (unit.timedOut()) {
                        throw new BatchLost(answer);
                    }
                    answers.add(answer);
                    abandonIfTheDatabaseFailed(unit);
                }
            });
        }
        catch (RuntimeException e) {
            answers.clear();
            BatchLost lost = lost(e);
            if (lost == null && StorageFailure.of(e).orElse(null) == LedgerUnavailableException.Reason.BUSY) {
                // every unit would wait out the lock again, one after the other: the
                // callers retry instead, each with its own bound (Ledger#write)
                log.warn("Group commit of {} units found the database locked ({}); their callers retry", units.size(),
                        e.toString());
                LedgerUnavailableException busy = new LedgerUnavailableException(LedgerUnavailableException.Reason.BUSY,
                        "the database is locked by another writer", e);
                units.forEach(unit -> answers.add(() -> unit.fail(busy)));
            }
            else {
                if (lost != null) {
                    log.warn("A statement ran past its timeout in a group commit of {} units; the batch was rolled "
                            + "back, that unit fails and the others commit one by one", units.size());
                }
                else {
                    log.warn("Group commit of {} units failed ({}); committing them one by one", units.size(),
                            e.toString());
                }
                for (PendingUnit<?> unit : units) {
                    answers.add(lost != null && unit.timedOut() ? lost.answer : unit.runIn(alone));
                }
            }
        }
        answers.forEach(Runnable::run);
    }

    /**
     * Ends the batch when a unit failed for the database's sake rather than its own.
     * After a full disk or an I/O error SQLite may have rolled back the whole
     * transaction, not just the unit's savepoint; the next units' statements would then
     * each commit on their own, outside any batch, and half a message could be stored. A
     * locked database would make every later unit wait out the lock again.
     */
    private static void abandonIfTheDatabaseFailed(PendingUnit<?> unit) {
        Throwable failure = unit.failure();
        if (failure != null && StorageFailure.of(failure).isPresent()) {
            throw new BatchAbandoned(failure);
        }
    }

    /** Rolls a batch back whole because one of its units met a failing database. */
    private static final class BatchAbandoned extends RuntimeException {

        BatchAbandoned(Throwable cause) {
            super("a unit met a failing database: " + cause, cause);
        }

    }

    private static @Nullable BatchLost lost(Throwable thrown) {
        if (thrown instanceof BatchLost lost) {
            return lost;
        }
        if (thrown instanceof TransactionSystemException rollback
                && rollback.getApplicationException() instanceof BatchLost lost) {
            return lost;
        }
        return null;
    }

    /**
     * A unit's statement ran past its timeout. On SQLite that rolls back the batch's
     * whole transaction, so the units after it must not run in it: they would run outside
     * any transaction, and again after the failed commit. The unit is answered with its
     * failure; the others run again alone.
     */
    private static final class BatchLost extends RuntimeException {

        private final transient Runnable answer;

        BatchLost(Runnable answer) {
            super("a statement ran past its timeout", null, false, false);
            this.answer = answer;
        }

    }

    /** Stops the writer and commits what is still queued, each unit alone. */
    void stop() throws InterruptedException {
        running = false;
        writer.join(5_000);
        for (PendingUnit<?> left = queue.poll(); left != null; left = queue.poll()) {
            left.runIn(alone).run();
        }
    }

}
