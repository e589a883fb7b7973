package cn.cdsw.tallybot.storage;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the ledger uses its database. Both are decided from the database when unset; an
 * operator needs them only to take a measurement or to rule the writer out while looking
 * for a fault (docs/storage.md §8).
 *
 * @param maxBatch most units one group commit takes; unset (or blank): 64 on SQLite, and
 * no group commit on PostgreSQL, where each unit commits alone on its caller's thread; 0
 * turns group commit off on SQLite too. A batch on PostgreSQL is refused: batches of two
 * replicas would wait on each other's keys
 * @param readConnections connections SQLite keeps for read-only work (queries, #统计),
 * beside the one that writes
 * @param statementTimeout longest any one SQL statement of the bot may run (whole
 * seconds, rounded up, as JDBC counts them), on the SQLite writer, its read connections
 * and PostgreSQL alike; one that runs longer is stopped and its request answered "try
 * again later" (docs/storage.md §11)
 */
@ConfigurationProperties("tallybot.storage")
public record StorageProperties(@Nullable Integer maxBatch, @DefaultValue("2") int readConnections,
        @DefaultValue("10s") Duration statementTimeout) {

    public StorageProperties {
        if (maxBatch != null && maxBatch < 0) {
            throw new IllegalArgumentException("tallybot.storage.max-batch must not be negative");
        }
        if (readConnections < 1) {
            throw new IllegalArgumentException("tallybot.storage.read-connections must be at least 1");
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero()
                || statementTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("tallybot.storage.statement-timeout must be from 1s to 1h");
        }
    }

    /** The timeout in the whole seconds of {@code Statement.setQueryTimeout}. */
    int statementTimeoutSeconds() {
        long millis = statementTimeout.toMillis();
        return (int) ((millis + 999) / 1000);
    }

}
