package cn.cdsw.tallybot.storage;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way the bot's messages change the database, and the way they read it without
 * waiting for those changes (docs/storage.md §8). A caller hands over its {@link Work} —
 * a message's records, audit lines and reply-log row — and gets the result once that work
 * has committed: an answer always means durable. How the work is committed is the
 * storage's decision, made from the database it runs on:
 *
 * <ul>
 * <li>SQLite has one writer: units queue for one writer thread, which runs up to
 * {@code max-batch} (64) of them in one transaction, each in its own savepoint, and
 * commits once ({@link GroupCommit}).
 * <li>PostgreSQL has many writers, and batches of two replicas would wait on each other's
 * keys: each unit commits alone in a transaction of its own, on its caller's thread.
 * </ul>
 *
 * <p>
 * Read-only work ({@link #read}) never queues for the writer: on SQLite it runs on a
 * connection of its own from the read pool (WAL: it sees the last commit and waits for
 * nobody), on PostgreSQL in a read-only transaction.
 */
public class Ledger implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    /**
     * The longest a caller waits for the writer; beyond, the message fails rather than
     * hold a thread forever.
     */
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(30);

    private static final int SQLITE_MAX_BATCH = 64;

    /**
     * The first pause before a locked database is tried again; each later one doubles.
     */
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);

    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private final TransactionTemplate alone;

    private final TransactionTemplate nested;

    private final TransactionTemplate reading;

    private final @Nullable GroupCommit writer;

    private final Duration busyRetryFor;

    private final WriteFailures failures;

    Ledger(PlatformTransactionManager transactions, Database database, StorageProperties properties,
            WriterMetrics metrics) {
        this(transactions, database, properties, metrics, new WriteFailures(Clock.systemUTC()));
    }

    Ledger(PlatformTransactionManager transactions, Database database, StorageProperties properties,
            WriterMetrics metrics, WriteFailures failures) {
        this.busyRetryFor = properties.busyRetryFor();
        this.failures = failures;
        this.alone = new TransactionTemplate(transactions);
        this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        int maxBatch = maxBatch(database, properties.maxBatch());
        if (maxBatch > 0) {
            this.writer = new GroupCommit(new TransactionTemplate(transactions), nested, alone, maxBatch, metrics);
        }
        else {
            this.writer = null;
            metrics.noWriter();
        }
        log.info("Ledger on {}: {}", database,
                maxBatch > 0 ? "group commit, up to " + maxBatch + " units a batch" : "each unit commits alone");
    }

    private static int maxBatch(Database database, @Nullable Integer configured) {
        if (database == Database.SQLITE) {
            return configured != null ? configured : SQLITE_MAX_BATCH;
        }
        if (configured != null && configured > 0) {
            throw new IllegalStateException("tallybot.storage.max-batch=" + configured + " but the database is "
                    + "PostgreSQL, where group commit is off: batches of two replicas would wait on each other's keys");
        }
        return 0;
    }

    /**
     * Runs {@code work} as one unit and returns its result once the unit has committed;
     * throws what the work threw, with its writes undone. Inside a transaction already
     * open on this thread (another unit's work), the unit is a savepoint of that
     * transaction and commits with it: queueing it would wait for the very transaction
     * that waits for it.
     *
     * <p>
     * When the database rather than the work fails, nothing of the unit is stored and
     * this throws {@link LedgerUnavailableException}: at once when the database cannot
     * take writes (full, read-only, I/O error); when another writer holds it locked, only
     * after trying again with growing pauses for {@code busy-retry-for}, so the work may
     * run more than once (each run but the last is rolled back).
     */
    public <T extends @Nullable Object> T write(Work<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            PendingUnit<T> unit = new PendingUnit<>(work);
            unit.runIn(nested).run();
            return unit.await(WAIT_LIMIT);
        }
        long deadline = System.nanoTime() + busyRetryFor.toNanos();
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1;; attempt++) {
            try {
                T result = commit(work);
                failures.succeeded();
                return result;
            }
            catch (RuntimeException e) {
                Optional<LedgerUnavailableException.Reason> reason = StorageFailure.of(e);
                if (reason.isEmpty()) {
                    throw e;
                }
                if (reason.get() == LedgerUnavailableException.Reason.BUSY
                        && System.nanoTime() + pause.toNanos() < deadline) {
                    pause(pause);
                    pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                    continue;
                }
                throw unavailable(reason.get(), attempt, e);
            }
        }
    }

    private <T extends @Nullable Object> T commit(Work<T> work) {
        PendingUnit<T> unit;
        if (writer != null && writer.running()) {
            unit = writer.submit(work);
        }
        else {
            unit = new PendingUnit<>(work);
            unit.runIn(alone).run();
        }
        return unit.await(WAIT_LIMIT);
    }

    private LedgerUnavailableException unavailable(LedgerUnavailableException.Reason reason, int attempts,
            RuntimeException e) {
        String message;
        if (reason == LedgerUnavailableException.Reason.BUSY) {
            message = "the database stayed locked by another writer through " + attempts + " tries in "
                    + busyRetryFor.toMillis() + " ms";
        }
        else {
            failures.failed(StorageFailure.what(e));
            message = "the database cannot take writes";
        }
        log.warn("A unit was not stored: {} ({})", message, StorageFailure.what(e));
        return new LedgerUnavailableException(reason, message, e);
    }

    /** A pause of about {@code pause}, jittered so that waiting callers spread out. */
    private static void pause(Duration pause) {
        long millis = pause.toMillis();
        try {
            Thread.sleep(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a locked database", e);
        }
    }

    /**
     * The last write that failed because the database could not take it, unless a write
     * has succeeded since; for the ledger's health.
     */
    WriteFailures failures() {
        return failures;
    }

    /**
     * Runs {@code work} as one unit without the caller waiting for its commit: queued for
     * the writer's next batch, or committed now where there is no writer. Only for work
     * whose loss is harmless, because no caller hears of a failure (it is logged) or of a
     * crash before the commit: the reply of a read-only command, which a redelivery would
     * simply compute again.
     */
    public void writeLater(Work<?> work) {
        if (writer != null && writer.running() && !TransactionSynchronizationManager.isActualTransactionActive()) {
            writer.submit(work).whenFailed(e -> log.error("Work left to the writer failed and is dropped", e));
            return;
        }
        try {
            write(work);
        }
        catch (RuntimeException e) {
            log.error("Work left to the writer failed and is dropped", e);
        }
    }

    /**
     * Runs {@code work} in a read-only transaction outside the writer: on SQLite on a
     * read connection, which sees the last commit and never waits for the writer's batch;
     * it cannot write (a write fails). Inside a transaction already open on this thread
     * it joins that one, and so sees that transaction's own writes.
     */
    public <T extends @Nullable Object> T read(Supplier<T> work) {
        return reading.execute(status -> work.get());
    }

    @Override
    public void destroy() throws InterruptedException {
        if (writer != null) {
            writer.stop();
        }
    }

}
