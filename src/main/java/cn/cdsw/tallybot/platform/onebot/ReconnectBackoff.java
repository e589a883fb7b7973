package cn.cdsw.tallybot.platform.onebot;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Pauses between attempts to dial a lost WebSocket again: capped exponential backoff with
 * equal jitter, the same shape as summary delivery's retries. The pause doubles with
 * every failed attempt up to {@code max}, and half of it is random, so that several bots
 * that lost the same implementation do not all dial it at the same instant.
 */
record ReconnectBackoff(Duration initial, Duration max) {

    /**
     * The pause before attempt {@code attempt} (1 for the first after the loss), between
     * half the capped exponential value and the value itself.
     */
    Duration delay(int attempt, RandomGenerator random) {
        long cap = max.toMillis();
        long exponential = initial.toMillis();
        for (int i = 1; i < attempt && exponential < cap; i++) {
            exponential *= 2;
        }
        long bounded = Math.min(exponential, cap);
        long half = bounded / 2;
        return Duration.ofMillis(half + random.nextLong(bounded - half + 1));
    }

}
