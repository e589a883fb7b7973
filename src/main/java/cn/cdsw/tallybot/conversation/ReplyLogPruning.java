package cn.cdsw.tallybot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.storage.Ledger;
import cn.cdsw.tallybot.storage.LedgerUnavailableException;

/**
 * Keeps the reply log only as long as redeliveries need it (docs/storage.md §9): its only
 * reader is {@link ReplyLog}, which looks a message up when it is delivered again, and
 * OneBot delivers again within seconds (go-cqhttp's retries) or, from a second bot
 * account, at about the same time. Kept for ever, the log grew by every query's whole
 * reply. Once an hour, entries handled more than {@code reply-log-retention} ago are
 * deleted in batches of {@value #BATCH}, each a unit of the ledger of its own (on SQLite
 * it waits for the writer's batch like any message, and never holds the writer for long),
 * at most {@value #MOST_BATCHES} batches a run; what is left waits for the next run.
 * Replicas on one PostgreSQL may prune at the same time: they skip each other's rows.
 */
@Component
class ReplyLogPruning {

    private static final Logger log = LoggerFactory.getLogger(ReplyLogPruning.class);

    static final int BATCH = 500;

    static final int MOST_BATCHES = 200;

    private final HandledMessageRepository handled;

    private final Ledger ledger;

    private final Clock clock;

    private final Duration retention;

    private final ReplyLogMetrics metrics;

    ReplyLogPruning(HandledMessageRepository handled, Ledger ledger, Clock clock, ConversationProperties properties,
            ReplyLogMetrics metrics) {
        this.handled = handled;
        this.ledger = ledger;
        this.clock = clock;
        this.retention = properties.replyLogRetention();
        this.metrics = metrics;
    }

    @Scheduled(initialDelay = 1, fixedDelay = 60, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void scheduled() {
        prune();
    }

    /** Deletes what is older than the retention, in bounded batches; returns how many. */
    int prune() {
        Instant cutoff = clock.instant().minus(retention);
        int total = 0;
        try {
            for (int batch = 0; batch < MOST_BATCHES; batch++) {
                int deleted = ledger.write(unit -> handled.prune(cutoff, BATCH));
                total += deleted;
                metrics.pruned(deleted);
                if (deleted < BATCH) {
                    break;
                }
            }
        }
        catch (LedgerUnavailableException e) {
            log.warn("Reply log pruning stopped after {} entries: the database could not take it ({}); the next run "
                    + "goes on", total, e.reason());
        }
        if (total > 0) {
            log.info("Pruned {} reply-log entries handled before {} (retention {})", total, cutoff, retention);
        }
        return total;
    }

}
