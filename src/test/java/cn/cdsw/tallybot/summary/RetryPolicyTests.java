package cn.cdsw.tallybot.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTests {

    private static final Instant CLAIMED = Instant.parse("2026-11-28T12:00:00Z");

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30),
            Duration.ofHours(6), new Random(42));

    @ParameterizedTest
    @CsvSource({ "1, PT30S", "2, PT1M", "3, PT2M", "4, PT4M", "6, PT16M", "7, PT30M", "8, PT30M", "1000, PT30M" })
    void ceilingDoublesUntilTheCap(int failures, Duration expected) {
        assertThat(policy.ceiling(failures)).isEqualTo(expected);
    }

    @Test
    void ceilingsNeverShrink() {
        IntStream.range(1, 100)
            .forEach(n -> assertThat(policy.ceiling(n + 1)).isGreaterThanOrEqualTo(policy.ceiling(n)));
    }

    @Test
    void delaysStayWithinTheUpperHalfOfTheCeiling() {
        for (int failures = 1; failures <= 12; failures++) {
            Duration ceiling = policy.ceiling(failures);
            for (int i = 0; i < 200; i++) {
                assertThat(policy.delay(failures)).isBetween(ceiling.dividedBy(2), ceiling);
            }
        }
    }

    @Test
    void delaysAreJittered() {
        long distinct = IntStream.range(0, 50).mapToObj(i -> policy.delay(5)).distinct().count();

        assertThat(distinct).isGreaterThan(25);
    }

    @Test
    void aSeededRandomGivesRepeatableDelays() {
        RetryPolicy a = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(6),
                new Random(7));
        RetryPolicy b = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(6),
                new Random(7));

        IntStream.rangeClosed(1, 10).forEach(n -> assertThat(a.delay(n)).isEqualTo(b.delay(n)));
    }

    @Test
    void nextAttemptFollowsTheDelayWithinTheRetryPeriod() {
        Instant now = CLAIMED.plusSeconds(60);

        assertThat(policy.nextAttempt(1, CLAIMED, now))
            .hasValueSatisfying(next -> assertThat(next).isBetween(now.plusSeconds(15), now.plusSeconds(30)));
    }

    @Test
    void givesUpWhenTheNextAttemptWouldFallPastTheRetryPeriod() {
        Instant late = CLAIMED.plus(Duration.ofHours(6)).minusSeconds(60);

        assertThat(policy.nextAttempt(9, CLAIMED, late)).isEmpty();
        assertThat(policy.expired(CLAIMED, CLAIMED.plus(Duration.ofHours(6)))).isFalse();
        assertThat(policy.expired(CLAIMED, CLAIMED.plus(Duration.ofHours(6)).plusMillis(1))).isTrue();
    }

    @Test
    void hugeAttemptCountsDoNotOverflow() {
        assertThat(policy.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> policy.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
    }

}
