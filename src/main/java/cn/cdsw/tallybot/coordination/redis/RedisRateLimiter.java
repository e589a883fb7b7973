package cn.cdsw.tallybot.coordination.redis;

import java.time.Clock;
import java.time.Duration;

import io.lettuce.core.ScriptOutputType;

import cn.cdsw.tallybot.coordination.RateLimiter;

/**
 * Commands per sender in fixed windows, counted in Redis across replicas: one counter per
 * window ({@code INCR}, with a TTL set by the first increment in the same script). The
 * window comes from the injected clock, as in the local implementation; the TTL only
 * cleans up. While Redis is unreachable every command is allowed: a lost limit is better
 * than a lost report. One {@code INCR} script on the connection the other ports share,
 * rather than Bucket4j's Redis backend, which would count token buckets, not these
 * windows.
 */
final class RedisRateLimiter implements RateLimiter {

    static final RedisScript COUNT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n""", ScriptOutputType.INTEGER);

    private final RedisLink redis;

    private final Clock clock;

    private final int limit;

    private final FixedWindows windows;

    RedisRateLimiter(RedisLink redis, Clock clock, int limit, Duration window) {
        this.redis = redis;
        this.clock = clock;
        this.limit = limit;
        this.windows = new FixedWindows(window);
    }

    @Override
    public Admission admit(String platform, String sender) {
        long now = clock.millis();
        String key = redis.key("tallybot:rate:" + platform + ":" + sender + ":" + windows.index(now));
        Long count = redis.call(c -> COUNT.<Long>run(c, new String[] { key }, Long.toString(2 * windows.millis())),
                () -> 0L);
        return windows.admit(count, limit, now);
    }

}
