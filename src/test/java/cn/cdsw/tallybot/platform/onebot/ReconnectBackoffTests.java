package cn.cdsw.tallybot.platform.onebot;

import java.time.Duration;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectBackoffTests {

    private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    @Property
    void aPauseLiesBetweenHalfAndAllOfTheCappedDoubling(@ForAll @IntRange(min = 1, max = 10_000) int attempt,
            @ForAll long seed) {
        long doubled = Math.min(1000L << Math.min(attempt - 1, 20), 60_000);

        Duration pause = backoff.delay(attempt, new Random(seed));

        assertThat(pause.toMillis()).isBetween(doubled / 2, doubled);
    }

    @Property
    void neverWaitsLongerThanTheCap(@ForAll @IntRange(min = 1, max = 10_000) int attempt,
            @ForAll @LongRange(min = 1, max = 600_000) long initialMillis, @ForAll long seed) {
        ReconnectBackoff any = new ReconnectBackoff(Duration.ofMillis(initialMillis),
                Duration.ofMillis(Math.max(initialMillis, 60_000)));

        assertThat(any.delay(attempt, new Random(seed))).isLessThanOrEqualTo(any.max());
    }

}
