package cn.cdsw.tallybot.coordination.redis;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.coordination.Deduplicator;
import cn.cdsw.tallybot.coordination.DeduplicatorContractTests;
import cn.cdsw.tallybot.coordination.FollowUps;
import cn.cdsw.tallybot.coordination.FollowUpsContractTests;
import cn.cdsw.tallybot.coordination.RateLimiter;
import cn.cdsw.tallybot.coordination.RateLimiterContractTests;
import cn.cdsw.tallybot.coordination.SendPace;
import cn.cdsw.tallybot.coordination.SendPacerContractTests;
import cn.cdsw.tallybot.coordination.local.LocalFollowUps;
import cn.cdsw.tallybot.platform.SendPacer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordination contracts against the Redis implementations on a real Redis, never a
 * mock, each test under a fresh key prefix and connection. Redis keeps its own time for
 * TTLs, so letting a TTL pass also waits until Redis has let the keys lapse.
 */
class RedisCoordinationIntegrationTests {

    RedisTestLink redis;

    @BeforeEach
    void connect() {
        redis = new RedisTestLink();
    }

    @AfterEach
    void cleanUp() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void everyKeyCarriesThePrefixAndATtl() {
        new RedisDeduplicator(redis.link).firstDelivery("tallybot:dedup:onebot:1:ttl", Duration.ofMinutes(10));

        Long ttl = redis.link.call(c -> c.pttl(redis.prefix + "tallybot:dedup:onebot:1:ttl"), () -> -3L);
        assertThat(ttl).isBetween(1L, Duration.ofMinutes(10).toMillis());
    }

    @Nested
    class Dedup extends DeduplicatorContractTests {

        @Override
        protected Deduplicator deduplicator() {
            return new RedisDeduplicator(redis.link);
        }

        @Override
        protected void elapse(Duration duration) {
            clock.advance(duration);
            redis.awaitLapsed(duration);
        }

    }

    @Nested
    class FollowUpState extends FollowUpsContractTests {

        @Override
        protected FollowUps followUps() {
            return new RedisFollowUps(redis.link, new LocalFollowUps(clock));
        }

        @Override
        protected void elapse(Duration duration) {
            clock.advance(duration);
            redis.awaitLapsed(duration);
        }

    }

    @Nested
    class Rate extends RateLimiterContractTests {

        @Override
        protected RateLimiter rateLimiter(Clock clock, int limit, Duration window) {
            return new RedisRateLimiter(redis.link, clock, limit, window);
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
            // a fallback that fails the test: the local pacer would give the same answers
            // and hide a broken script
            SendPacer noFallback = group -> {
                throw new AssertionError("the Redis pacer fell back to the local one");
            };
            return new RedisSendPacer(redis.link, noFallback, clock, pace);
        }

        @Override
        protected void elapse(Duration duration) {
            clock.advance(duration);
        }

    }

}
