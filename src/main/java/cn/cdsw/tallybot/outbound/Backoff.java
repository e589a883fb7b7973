package cn.cdsw.tallybot.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with equal jitter for outbound messages that keep no retry
 * schedule of their own: after {@code n} failed attempts the ceiling is
 * {@code min(max, initial · 2^(n−1))} and the delay is uniform in
 * {@code [ceiling/2, ceiling]}, so a down API is not hit again at once while groups still
 * spread apart. No retry past the message's expiry.
 */
public final class Backoff {

    private final Duration initial;

    private final Duration max;

    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max below initial");
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /**
     * When to try again after {@code failures} failed attempts, or empty past the expiry.
     */
    public Optional<Instant> next(int failures, Instant now, Instant expiresAt) {
        long ceiling = initial.toMillis();
        for (int i = 1; i < Math.min(failures, 40) && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        Instant next = now.plusMillis(random.nextLong(ceiling / 2, ceiling + 1));
        return next.isAfter(expiresAt) ? Optional.empty() : Optional.of(next);
    }

}
