package cn.cdsw.tallybot.storage;

import java.util.Collection;
import java.util.List;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * How the ledger's writer keeps up (docs/operations.md §2): how many units each group
 * commit takes (near 1 means no contention; near the maximum batch means the writer is
 * the bottleneck) and how many wait for it right now. Buckets at the powers of two up to
 * 64, SQLite's maximum batch. Without a writer (PostgreSQL) both series exist from
 * start-up and stay at 0.
 */
@Component
class WriterMetrics {

    static final String BATCH_SIZE = "tallybot.writer.batch.size";
    static final String QUEUE_DEPTH = "tallybot.writer.queue.depth";

    private final MeterRegistry registry;

    private final DistributionSummary batchSize;

    WriterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder(BATCH_SIZE)
            .description("Messages committed together in one group commit")
            .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
            .register(registry);
    }

    /**
     * Reports the size of {@code queue} as the writer's queue depth, for as long as the
     * queue lives.
     */
    void watch(Collection<?> queue) {
        Gauge.builder(QUEUE_DEPTH, queue, Collection::size)
            .description("Messages waiting for the group commit writer")
            .strongReference(true)
            .register(registry);
    }

    /** A queue depth of 0 for good, where there is no writer. */
    void noWriter() {
        watch(List.of());
    }

    void batch(int size) {
        batchSize.record(size);
    }

}
