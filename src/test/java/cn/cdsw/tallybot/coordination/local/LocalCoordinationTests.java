package cn.cdsw.tallybot.coordination.local;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Nested;

import cn.cdsw.tallybot.coordination.Deduplicator;
import cn.cdsw.tallybot.coordination.DeduplicatorContractTests;
import cn.cdsw.tallybot.coordination.FollowUps;
import cn.cdsw.tallybot.coordination.FollowUpsContractTests;
import cn.cdsw.tallybot.coordination.RateLimiter;
import cn.cdsw.tallybot.coordination.RateLimiterContractTests;
import cn.cdsw.tallybot.coordination.SendPace;
import cn.cdsw.tallybot.coordination.SendPacerContractTests;
import cn.cdsw.tallybot.platform.SendPacer;

/**
 * The coordination contracts against the in-process implementations; time passes by
 * moving the clock.
 */
class LocalCoordinationTests {

    @Nested
    class Dedup extends DeduplicatorContractTests {

        @Override
        protected Deduplicator deduplicator() {
            return new LocalDeduplicator(clock);
        }

        @Override
        protected void elapse(Duration duration) {
            clock.advance(duration);
        }

    }

    @Nested
    class FollowUpState extends FollowUpsContractTests {

        @Override
        protected FollowUps followUps() {
            return new LocalFollowUps(clock);
        }

        @Override
        protected void elapse(Duration duration) {
            clock.advance(duration);
        }

    }

    @Nested
    class Rate extends RateLimiterContractTests {

        @Override
        protected RateLimiter rateLimiter(Clock clock, int limit, Duration window) {
            return new LocalRateLimiter(clock, limit, window);
        }

        @Override
        protected void elapse(Duration duration) {
            clock.advance(duration);
        }

    }

    @Nested
    class Pacing extends SendPacerContractTests {

        @Override
        protected SendPacer pacer(Clock clock, SendPace pace) {
            return new LocalSendPacer(clock, pace);
        }

        @Override
        protected void elapse(Duration duration) {
            clock.advance(duration);
        }

    }

}
