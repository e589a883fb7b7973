package cn.cdsw.tallybot.coordination.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.SendPacer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lua scripts on a real Redis, under the test's own key prefix: called by digest, and
 * loaded again when Redis has lost them. {@code SCRIPT FLUSH} empties the script cache of
 * the whole server, which is what a restart or a failover does; other users of the server
 * lose nothing but a cache.
 */
class RedisScriptIntegrationTests {

    private static final Pattern CALLS = Pattern.compile("cmdstat_evalsha:calls=(\\d+)");

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

    RedisTestLink redis;

    @BeforeEach
    void connect() {
        redis = new RedisTestLink();
    }

    @AfterEach
    void cleanUp() {
        // null where Redis is not reachable and the test was skipped before it connected
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void theDigestIsTheOneRedisGivesEachScript() {
        for (RedisScript script : new RedisScript[] { RedisRateLimiter.COUNT, RedisSendPacer.RESERVE }) {
            assertThat(redis.link.call(c -> c.scriptLoad(script.source()), () -> "unreachable"))
                .isEqualTo(script.sha());
        }
    }

    @Test
    void theRateLimitStillCountsAfterTheScriptCacheWasFlushed() {
        RedisRateLimiter limiter = new RedisRateLimiter(redis.link, clock, 1, Duration.ofMinutes(1));
        assertThat(limiter.admit("onebot", "10001").allowed()).isTrue();

        flushScripts();

        // the fallback while Redis fails allows every command: a refusal shows the script
        // ran in Redis
        assertThat(limiter.admit("onebot", "10001").allowed()).as("second command in the window").isFalse();
        assertThat(loaded(RedisRateLimiter.COUNT)).as("loaded again for the next calls").isTrue();
    }

    @Test
    void sendPacingStillUsesRedisAfterTheScriptCacheWasFlushed() {
        SendPacer noFallback = group -> {
            throw new AssertionError("the Redis pacer fell back to the local one");
        };
        RedisSendPacer pacer = new RedisSendPacer(redis.link, noFallback, clock, 1, Duration.ofMinutes(1));
        GroupRef group = new GroupRef("onebot", "1418159967");
        assertThat(pacer.reserve(group)).isZero();

        flushScripts();

        assertThat(pacer.reserve(group)).isEqualTo(Duration.ofMinutes(1));
        assertThat(loaded(RedisSendPacer.RESERVE)).isTrue();
    }

    @Test
    void callsGoByDigest() {
        RedisRateLimiter limiter = new RedisRateLimiter(redis.link, clock, 100, Duration.ofMinutes(1));
        limiter.admit("onebot", "10001");
        long before = evalshaCalls();

        for (int i = 0; i < 10; i++) {
            limiter.admit("onebot", "10001");
        }

        // at least: other tests on the same server may call EVALSHA too, but none of them
        // for us
        assertThat(evalshaCalls() - before).isGreaterThanOrEqualTo(10);
    }

    private void flushScripts() {
        assertThat(redis.link.call(c -> c.scriptFlush(), () -> "unreachable")).isEqualTo("OK");
        assertThat(loaded(RedisRateLimiter.COUNT)).isFalse();
    }

    private boolean loaded(RedisScript script) {
        return redis.link.call(c -> c.scriptExists(script.sha()).get(0), () -> false);
    }

    private long evalshaCalls() {
        String stats = redis.link.call(c -> c.info("commandstats"), () -> "");
        Matcher calls = CALLS.matcher(stats);
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }

}
