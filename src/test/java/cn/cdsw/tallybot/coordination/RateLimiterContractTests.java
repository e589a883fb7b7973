package cn.cdsw.tallybot.coordination;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-sender command budget's contract, run against every implementation so they
 * cannot drift apart.
 */
public abstract class RateLimiterContractTests extends CoordinationContract {

    protected abstract RateLimiter rateLimiter(Clock clock, int limit, Duration window);

    @Test
    void allowsTheLimitPerWindowThenSaysWhenTheNextWindowStarts() {
        RateLimiter limiter = rateLimiter(clock, 3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.admit("onebot", "10001").allowed()).isTrue();
        }
        clock.advance(Duration.ofSeconds(20));

        RateLimiter.Admission refused = limiter.admit("onebot", "10001");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(40));
        clock.advance(Duration.ofSeconds(40));
        assertThat(limiter.admit("onebot", "10001").allowed()).isTrue();
    }

    @Test
    void sendersAndPlatformsHaveTheirOwnBudgets() {
        RateLimiter limiter = rateLimiter(clock, 1, Duration.ofMinutes(1));

        assertThat(limiter.admit("onebot", "10001").allowed()).isTrue();
        assertThat(limiter.admit("onebot", "10002").allowed()).isTrue();
        assertThat(limiter.admit("wecom", "10001").allowed()).isTrue();
        assertThat(limiter.admit("onebot", "10001").allowed()).isFalse();
    }

}
