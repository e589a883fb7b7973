package cn.cdsw.tallybot.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Outbound messages by what became of them ({@code tallybot.outbound.messages}), the
 * backlog waiting in the queues ({@code tallybot.outbound.backlog}), and the delay from a
 * message's making to the platform accepting it ({@code tallybot.outbound.delay}), which
 * includes the queue, the pace and any retries. No tag names a group or a text.
 */
final class OutboundMetrics {

    static final String MESSAGES = "tallybot.outbound.messages";

    static final String BACKLOG = "tallybot.outbound.backlog";

    static final String DELAY = "tallybot.outbound.delay";

    /** What became of one send attempt or message. */
    enum Outcome {

        /** accepted by the platform */
        SENT,
        /** the call failed and will be tried again */
        RETRIED,
        /** the call failed and will not be tried again */
        FAILED,
        /** too old to matter by the time it could be sent */
        EXPIRED,
        /** its wording no longer held when its slot came (a rate-limit warning) */
        STALE,
        /** taken over by another replica or an operator before it was sent */
        SUPERSEDED

    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    private final AtomicInteger backlog = new AtomicInteger();

    private final Timer delay;

    OutboundMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome,
                    Counter.builder(MESSAGES)
                        .description("Outbound messages and send attempts, by what became of them")
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(registry));
        }
        Gauge.builder(BACKLOG, backlog, AtomicInteger::get)
            .description("Outbound messages queued in this replica and not yet sent or given up")
            .register(registry);
        this.delay = Timer.builder(DELAY)
            .description("From an outbound message's making to the platform accepting it")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(registry);
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }

    void sent(Instant createdAt, Instant sentAt) {
        count(Outcome.SENT);
        delay.record(
                Duration.between(createdAt, sentAt).isNegative() ? Duration.ZERO : Duration.between(createdAt, sentAt));
    }

    void backlog(int change) {
        backlog.addAndGet(change);
    }

}
