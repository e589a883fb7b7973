package cn.cdsw.tallybot.conversation;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.ParseResult;

/**
 * Times the parser on every message of a served group, tagged by what it made of it: most
 * chat is no command and costs a prefix check, so without the tag those would hide the
 * cost of reading a report. The histogram spans 10 µs to 1 s, where parse times fall, so
 * its buckets say something about the tail.
 */
@Component
class ParseMetrics {

    static final String PARSE_TIME = "tallybot.parse.time";

    private final Timer parsed;

    private final Timer rejected;

    private final Timer notACommand;

    ParseMetrics(MeterRegistry registry) {
        this.parsed = timer(registry, "command");
        this.rejected = timer(registry, "refused");
        this.notACommand = timer(registry, "not_a_command");
    }

    ParseResult timed(Supplier<ParseResult> parse) {
        long start = System.nanoTime();
        ParseResult result = parse.get();
        long elapsed = System.nanoTime() - start;
        Timer timer = result instanceof ParseResult.Parsed ? parsed
                : result instanceof ParseResult.Rejected ? rejected : notACommand;
        timer.record(Duration.ofNanos(elapsed));
        return result;
    }

    private static Timer timer(MeterRegistry registry, String result) {
        return Timer.builder(PARSE_TIME)
            .description("Time to parse one chat message, by what it turned out to be")
            .tag("result", result)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(10_000))
            .maximumExpectedValue(Duration.ofSeconds(1))
            .register(registry);
    }

}
