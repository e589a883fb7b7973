package cn.cdsw.tallybot.conversation;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts the prose report loop: figures read from a paragraph and shown for 确认
 * ({@code proposed}), stored on the sender's answer ({@code confirmed}), or
 * {@code dropped} with a reason. A draft that lapses is not seen by anyone: the follow-up
 * store lets it expire, on whichever replica or Redis holds it. So expiry has no counter
 * of its own; it is what is left of {@code proposed} once the other outcomes are taken
 * away, a follow-up timeout later (the dashboard shows it so). Every series is registered
 * up front, at 0, with the same tag keys, as Prometheus wants one set of label names per
 * metric.
 */
@Component
class ProseDraftMetrics {

    static final String DRAFTS = "tallybot.prose.drafts";

    /**
     * Why a draft was dropped: the sender said 取消, sent another command, recalled the
     * paragraph, or no station.
     */
    enum Dropped {

        CANCELLED, REPLACED, RECALLED, STATION_MISSING;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

    }

    private final Counter proposed;

    private final Counter confirmed;

    private final Map<Dropped, Counter> dropped;

    ProseDraftMetrics(MeterRegistry registry) {
        this.proposed = counter(registry, "proposed", "none");
        this.confirmed = counter(registry, "confirmed", "none");
        this.dropped = Stream.of(Dropped.values())
            .collect(Collectors.toUnmodifiableMap(Function.identity(),
                    reason -> counter(registry, "dropped", reason.tag())));
    }

    void proposed() {
        proposed.increment();
    }

    void confirmed() {
        confirmed.increment();
    }

    void dropped(Dropped reason) {
        dropped.get(reason).increment();
    }

    private static Counter counter(MeterRegistry registry, String outcome, String reason) {
        return Counter.builder(DRAFTS)
            .description("Prose reports read back for 确认, by what became of them")
            .tag("outcome", outcome)
            .tag("reason", reason)
            .register(registry);
    }

}
