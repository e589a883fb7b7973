package cn.cdsw.tallybot.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * How many reply-log entries the pruning deleted (docs/operations.md §2); at 0 from
 * start-up.
 */
@Component
class ReplyLogMetrics {

    static final String PRUNED = "tallybot.replylog.pruned";

    private final Counter pruned;

    ReplyLogMetrics(MeterRegistry registry) {
        this.pruned = Counter.builder(PRUNED)
            .description("Reply-log entries deleted because they are older than the retention")
            .register(registry);
    }

    void pruned(int entries) {
        pruned.increment(entries);
    }

}
