package cn.cdsw.tallybot.coordination.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.coordination.RateLimiter;
import cn.cdsw.tallybot.e2e.MutableClock;

/**
 * The in-process ports keep memory bounded by what is live, and sweep rarely enough that
 * a command never pays for every sender or message the process has seen
 * (docs/coordination.md §3). Time passes by moving the clock: nothing sleeps.
 */
class LocalMemoryTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

    @Test
    void rateLimiterForgetsPastWindowsOnceManySendersAreTracked() {
        LocalRateLimiter limiter = new LocalRateLimiter(clock, 2, Duration.ofMinutes(1));
        int senders = LocalRateLimiter.SWEEP_ABOVE + 500;
        for (int i = 0; i < senders; i++) {
            limiter.admit("onebot", "s" + i);
        }
        assertThat(limiter.tracked()).as("nothing of the live window is dropped").isEqualTo(senders);

        clock.advance(Duration.ofMinutes(1));
        limiter.admit("onebot", "new");

        assertThat(limiter.tracked()).as("the past window swept at the first command of the next").isEqualTo(1);
    }

    @Test
    void rateLimiterStillCountsEverySenderAfterASweep() {
        LocalRateLimiter limiter = new LocalRateLimiter(clock, 1, Duration.ofMinutes(1));
        for (int i = 0; i <= LocalRateLimiter.SWEEP_ABOVE; i++) {
            limiter.admit("onebot", "s" + i);
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.admit("onebot", "s1")).isEqualTo(RateLimiter.Admission.ALLOWED);
        for (int i = 0; i <= LocalRateLimiter.SWEEP_ABOVE; i++) {
            limiter.admit("onebot", "t" + i);
        }

        assertThat(limiter.admit("onebot", "s1").allowed()).as("second command of s1 in this window").isFalse();
    }

    @Test
    void deduplicatorForgetsExpiredKeysAsDeliveriesGoOn() {
        LocalDeduplicator dedup = new LocalDeduplicator(clock);
        int live = 50_000;
        for (int i = 0; i < live; i++) {
            dedup.firstDelivery("old" + i, Duration.ofMinutes(10));
        }
        clock.advance(Duration.ofMinutes(11));
        for (int i = 0; i < live; i++) {
            dedup.firstDelivery("new" + i, Duration.ofMinutes(10));
        }

        assertThat(dedup.held()).as("expired keys dropped; live ones kept").isBetween((long) live, live + live / 10L);
        assertThat(dedup.firstDelivery("new0", Duration.ofMinutes(10))).isFalse();
        assertThat(dedup.firstDelivery("old0", Duration.ofMinutes(10))).isTrue();
    }

    @Test
    void followUpsForgetExpiredQuestionsAsOthersAreAsked() {
        LocalFollowUps followUps = new LocalFollowUps(clock);
        int live = 50_000;
        for (int i = 0; i < live; i++) {
            followUps.put("old" + i, "question", Duration.ofMinutes(5));
        }
        clock.advance(Duration.ofMinutes(6));
        for (int i = 0; i < live; i++) {
            followUps.put("new" + i, "question", Duration.ofMinutes(5));
        }

        assertThat(followUps.held()).as("expired questions dropped").isBetween((long) live, live + live / 10L);
        assertThat(followUps.get("new0")).contains("question");
        assertThat(followUps.take("old0")).isEmpty();
    }

}
