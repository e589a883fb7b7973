package cn.cdsw.tallybot.storage;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the ledger uses its database. The batch size is decided from the database when
 * unset; an operator needs it only to take a measurement or to rule the writer out while
 * looking for a fault (docs/storage.md §8). The others say how long a write waits out a
 * locked database and when the ledger's health stops taking traffic (docs/storage.md
 * §11).
 *
 * @param maxBatch most units one group commit takes; unset (or blank): 64 on SQLite, and
 * no group commit on PostgreSQL, where each unit commits alone on its caller's thread; 0
 * turns group commit off on SQLite too. A batch on PostgreSQL is refused: batches of two
 * replicas would wait on each other's keys
 * @param readConnections connections SQLite keeps for read-only work (queries, #统计),
 * beside the one that writes
 * @param busyRetryFor how long a write that found the database locked by another writer
 * is tried again, with growing pauses, before its sender is asked to send again; each try
 * itself waits up to SQLite's {@code busy_timeout}
 * @param minFreeSpace the least free space on the SQLite database's volume for the
 * ledger's health to be up (not checked on PostgreSQL, whose disk the bot cannot see)
 * @param failureHold how long the ledger's health stays out of service after a write
 * failed because the database could not take it (full, read-only, I/O error), unless a
 * write succeeds first
 * @param statementTimeout longest any one SQL statement of the bot may run (whole
 * seconds, rounded up, as JDBC counts them), on the SQLite writer, its read connections
 * and PostgreSQL alike; one that runs longer is stopped and its request answered "try
 * again later" (docs/storage.md §12)
 */
@ConfigurationProperties("tallybot.storage")
public record StorageProperties(@Nullable Integer maxBatch, @DefaultValue("2") int readConnections,
        @DefaultValue("10s") Duration busyRetryFor, @DefaultValue("100MB") DataSize minFreeSpace,
        @DefaultValue("30s") Duration failureHold, @DefaultValue("10s") Duration statementTimeout) {

    @ConstructorBinding
    public StorageProperties {
        if (maxBatch != null && maxBatch < 0) {
            throw new IllegalArgumentException("tallybot.storage.max-batch must not be negative");
        }
        if (readConnections < 1) {
            throw new IllegalArgumentException("tallybot.storage.read-connections must be at least 1");
        }
        if (busyRetryFor.isNegative()) {
            throw new IllegalArgumentException("tallybot.storage.busy-retry-for must not be negative");
        }
        if (minFreeSpace.isNegative()) {
            throw new IllegalArgumentException("tallybot.storage.min-free-space must not be negative");
        }
        if (failureHold.isNegative()) {
            throw new IllegalArgumentException("tallybot.storage.failure-hold must not be negative");
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero()
                || statementTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("tallybot.storage.statement-timeout must be from 1s to 1h");
        }
    }

    /** The defaults of the settings not given. */
    public StorageProperties(@Nullable Integer maxBatch, int readConnections) {
        this(maxBatch, readConnections, Duration.ofSeconds(10), DataSize.ofMegabytes(100), Duration.ofSeconds(30),
                Duration.ofSeconds(10));
    }

    /** The timeout in the whole seconds of {@code Statement.setQueryTimeout}. */
    int statementTimeoutSeconds() {
        long millis = statementTimeout.toMillis();
        return (int) ((millis + 999) / 1000);
    }

}
