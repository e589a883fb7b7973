package cn.cdsw.tallybot.platform.onebot;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts the replies given in the webhook response (quick mode) and times how long after
 * the webhook call each one left. API-mode replies are outbound messages, counted, timed
 * and shown as a backlog by the outbound queues' own meters. Tags are the outcome and the
 * reply mode only, never the group, the sender or the text.
 */
final class ReplyMetrics {

    static final String REPLIES = "tallybot.replies";
    static final String DELAY = "tallybot.reply.delay";

    private final Counter sent;

    private final Timer delay;

    ReplyMetrics(MeterRegistry registry, OneBotProperties.ReplyMode mode) {
        String modeTag = mode.name().toLowerCase(Locale.ROOT);
        this.sent = counter(registry, "sent", modeTag);
        this.delay = Timer.builder(DELAY)
            .description("From the webhook call to the reply handed to the platform")
            .tag("mode", modeTag)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(registry);
    }

    /**
     * A reply went out; {@code receivedNanos} is {@link System#nanoTime()} when its
     * message arrived.
     */
    void sent(long receivedNanos) {
        sent.increment();
        delay.record(Duration.ofNanos(System.nanoTime() - receivedNanos));
    }

    private static Counter counter(MeterRegistry registry, String outcome, String mode) {
        return Counter.builder(REPLIES)
            .description("Replies to chat messages, by what became of them")
            .tag("outcome", outcome)
            .tag("mode", mode)
            .register(registry);
    }

}
