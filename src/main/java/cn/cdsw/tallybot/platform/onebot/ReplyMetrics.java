package cn.cdsw.tallybot.platform.onebot;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts the replies to chat messages by what became of them, and times how long after
 * the webhook call each one left. {@code sent} means handed to the platform: in the
 * webhook response for quick replies (whether QQ then shows it is the implementation's
 * business), or accepted by {@code send_group_msg} in API mode; {@code failed} means the
 * API refused it or could not be reached; {@code dropped} means the API-mode queue was
 * full. The delay includes the queue wait and pacing in API mode, which is where a slow
 * or rate-limited API shows. Tags are the outcome and the reply mode only, never the
 * group, the sender or the text.
 */
final class ReplyMetrics {

    static final String REPLIES = "tallybot.replies";
    static final String DELAY = "tallybot.reply.delay";

    private final Counter sent;

    private final Counter failed;

    private final Counter dropped;

    private final Timer delay;

    ReplyMetrics(MeterRegistry registry, OneBotProperties.ReplyMode mode) {
        String modeTag = mode.name().toLowerCase(Locale.ROOT);
        this.sent = counter(registry, "sent", modeTag);
        this.failed = counter(registry, "failed", modeTag);
        this.dropped = counter(registry, "dropped", modeTag);
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

    void failed() {
        failed.increment();
    }

    void dropped() {
        dropped.increment();
    }

    private static Counter counter(MeterRegistry registry, String outcome, String mode) {
        return Counter.builder(REPLIES)
            .description("Replies to chat messages, by what became of them")
            .tag("outcome", outcome)
            .tag("mode", mode)
            .register(registry);
    }

}
