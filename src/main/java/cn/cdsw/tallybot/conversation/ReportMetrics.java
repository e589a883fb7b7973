package cn.cdsw.tallybot.conversation;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.RefusalReason;

/**
 * Counts what became of {@code #上报} reports: stored, or refused and why. The reasons are
 * the parser's {@link RefusalReason}s plus the two the conversation adds (over the
 * command rate limit; no station known), a closed set, so the {@code reason} tag stays
 * low in cardinality. Every counter is registered up front: a series that exists at 0
 * from start-up lets Prometheus see the first increment, which a counter born at 1 would
 * hide. Callers count through {@link cn.cdsw.tallybot.storage.AfterCommit}, so only the
 * delivery whose reply was recorded is counted.
 */
@Component
class ReportMetrics {

    static final String STORED = "tallybot.reports.stored";
    static final String REFUSED = "tallybot.reports.refused";
    static final String RATE_LIMITED = "rate_limited";
    static final String STATION_MISSING = "station_missing";

    private final Counter stored;

    private final Map<String, Counter> refused;

    ReportMetrics(MeterRegistry registry) {
        this.stored = Counter.builder(STORED).description("#上报 reports stored as new records").register(registry);
        this.refused = Stream
            .concat(Arrays.stream(RefusalReason.values()).map(RefusalReason::tag),
                    Stream.of(RATE_LIMITED, STATION_MISSING))
            .collect(Collectors.toUnmodifiableMap(Function.identity(),
                    reason -> Counter.builder(REFUSED)
                        .description("#上报 reports refused, nothing stored, by reason")
                        .tag("reason", reason)
                        .register(registry)));
    }

    void stored() {
        stored.increment();
    }

    void refused(RefusalReason reason) {
        refused.get(reason.tag()).increment();
    }

    void rateLimited() {
        refused.get(RATE_LIMITED).increment();
    }

    void stationMissing() {
        refused.get(STATION_MISSING).increment();
    }

}
