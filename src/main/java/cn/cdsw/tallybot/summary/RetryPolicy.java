package cn.cdsw.tallybot.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with equal jitter, bounded by a total retry period (the
 * approach of TelegramBots' {@code ExponentialBackOff}; summary delivery is the only code
 * that retries). After {@code n} failed attempts the ceiling is
 * {@code min(max, initial · 2^(n−1))} and the delay is uniform in
 * {@code [ceiling/2, ceiling]}.
 *
 * <p>
 * Equal rather than full jitter: full jitter may draw a delay near zero, so a down API
 * would be hit again on the very next tick; the lower half keeps the spacing growing
 * while the upper half still spreads replicas and groups apart.
 *
 * <p>
 * Spring's {@code ExponentialBackOff} keeps the attempt count and elapsed time in an
 * in-memory execution and jitters with {@code Math.random}; here both live in the
 * {@code summary_post} row, so a restart or another replica continues the same schedule,
 * and the random source is injected so tests can fix it.
 */
final class RetryPolicy {

    private final Duration initial;

    private final Duration max;

    private final Duration retryFor;

    private final RandomGenerator random;

    RetryPolicy(Duration initial, Duration max, Duration retryFor, RandomGenerator random) {
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max below initial");
        }
        this.initial = initial;
        this.max = max;
        this.retryFor = retryFor;
        this.random = random;
    }

    /**
     * The upper bound of the delay after {@code failures} failed attempts (1 or more).
     */
    Duration ceiling(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        // Past 2^40 every sane initial is beyond every sane max; stopping there also
        // avoids overflow.
        int doublings = Math.min(failures - 1, 40);
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** A jittered delay in {@code [ceiling/2, ceiling]}. */
    Duration delay(int failures) {
        long ceiling = ceiling(failures).toMillis();
        long floor = ceiling / 2;
        return Duration.ofMillis(random.nextLong(floor, ceiling + 1));
    }

    /**
     * When to try again after {@code failures} failed attempts of a post claimed at
     * {@code claimedAt}; empty when that would fall past the retry period, so the post is
     * given up now rather than one more wait later.
     */
    Optional<Instant> nextAttempt(int failures, Instant claimedAt, Instant now) {
        Instant next = now.plus(delay(failures));
        return next.isAfter(giveUpAt(claimedAt)) ? Optional.empty() : Optional.of(next);
    }

    /**
     * True when a post claimed at {@code claimedAt} is too old to be sent at all (the bot
     * was down meanwhile).
     */
    boolean expired(Instant claimedAt, Instant now) {
        return now.isAfter(giveUpAt(claimedAt));
    }

    Duration retryFor() {
        return retryFor;
    }

    private Instant giveUpAt(Instant claimedAt) {
        return claimedAt.plus(retryFor);
    }

}
