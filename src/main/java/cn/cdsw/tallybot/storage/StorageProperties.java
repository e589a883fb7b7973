package cn.cdsw.tallybot.storage;

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
 */
@ConfigurationProperties("tallybot.storage")
public record StorageProperties(@Nullable Integer maxBatch, @DefaultValue("2") int readConnections) {

    public StorageProperties {
        if (maxBatch != null && maxBatch < 0) {
            throw new IllegalArgumentException("tallybot.storage.max-batch must not be negative");
        }
        if (readConnections < 1) {
            throw new IllegalArgumentException("tallybot.storage.read-connections must be at least 1");
        }
    }
}
