package cn.cdsw.tallybot.summary;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the daily summary's sends per group by what became of them: {@code posted}
 * (scheduled or re-posted by an operator), {@code retried} (failed, another attempt
 * scheduled), {@code abandoned} (given up: retry period over, not retryable, or no sender
 * for the platform; the one ERROR line says which) and {@code failed} (a re-post by an
 * operator that failed; those are answered to the operator, never retried). All four
 * exist at 0 from start-up.
 */
final class SummaryMetrics {

    static final String SUMMARIES = "tallybot.summaries";

    enum Outcome {

        POSTED, RETRIED, ABANDONED, FAILED

    }

    private final Map<Outcome, Counter> counters;

    SummaryMetrics(MeterRegistry registry) {
        this.counters = Stream.of(Outcome.values())
            .collect(Collectors.toUnmodifiableMap(Function.identity(),
                    outcome -> Counter.builder(SUMMARIES)
                        .description("Daily summary sends to a group, by outcome")
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(registry)));
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }

}
