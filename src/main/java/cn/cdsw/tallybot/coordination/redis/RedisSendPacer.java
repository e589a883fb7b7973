package cn.cdsw.tallybot.coordination.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.ScriptOutputType;

import cn.cdsw.tallybot.coordination.SendPace;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.SendPacer;

/**
 * Send slots per group shared by all replicas: a Redis list of the last slots handed out,
 * newest first, as many as the largest limit of the platform's rates. A new slot is no
 * earlier than now, than the newest slot, and, for every rate, than the slot
 * {@code limit} places back plus its window, so no window ever holds more than its limit.
 * One script, so two replicas never take the same slot. While Redis is unreachable each
 * replica paces on its own ({@code fallback}). As in process, slots more than two of the
 * longest windows ahead are dropped: the clock went back.
 */
final class RedisSendPacer implements SendPacer {

    /** ARGV: now, depth, longest window, then limit and window of each rate. */
    static final RedisScript RESERVE = RedisScript.of("""
            local now = tonumber(ARGV[1])
            local depth = tonumber(ARGV[2])
            local longest = tonumber(ARGV[3])
            local slot = now
            local newest = redis.call('LINDEX', KEYS[1], 0)
            if newest and tonumber(newest) > now + 2 * longest then
              redis.call('DEL', KEYS[1])
              newest = false
            end
            if newest and tonumber(newest) > slot then slot = tonumber(newest) end
            local length = redis.call('LLEN', KEYS[1])
            for i = 4, #ARGV, 2 do
              local limit = tonumber(ARGV[i])
              local window = tonumber(ARGV[i + 1])
              if length >= limit then
                local back = tonumber(redis.call('LINDEX', KEYS[1], limit - 1))
                if back + window > slot then slot = back + window end
              end
            end
            redis.call('LPUSH', KEYS[1], slot)
            redis.call('LTRIM', KEYS[1], 0, depth - 1)
            redis.call('PEXPIRE', KEYS[1], slot - now + longest)
            return slot - now""", ScriptOutputType.INTEGER);

    private final RedisLink redis;

    private final SendPacer fallback;

    private final Clock clock;

    private final SendPace pace;

    RedisSendPacer(RedisLink redis, SendPacer fallback, Clock clock, SendPace pace) {
        this.redis = redis;
        this.fallback = fallback;
        this.clock = clock;
        this.pace = pace;
    }

    RedisSendPacer(RedisLink redis, SendPacer fallback, Clock clock, int limit, Duration window) {
        this(redis, fallback, clock, SendPace.uniform(limit, window));
    }

    @Override
    public Duration reserve(GroupRef group) {
        String key = redis.key("tallybot:pace:" + group.platform() + ":" + group.groupId());
        List<SendPace.Rate> rates = pace.of(group.platform());
        List<String> args = new ArrayList<>();
        args.add(Long.toString(clock.millis()));
        args.add(Integer.toString(pace.depth(group.platform())));
        args.add(Long.toString(rates.stream().mapToLong(rate -> rate.window().toMillis()).max().orElse(0)));
        for (SendPace.Rate rate : rates) {
            args.add(Integer.toString(rate.limit()));
            args.add(Long.toString(rate.window().toMillis()));
        }
        String[] argv = args.toArray(String[]::new);
        return redis.call(c -> Duration.ofMillis(RESERVE.<Long>run(c, new String[] { key }, argv)),
                () -> fallback.reserve(group));
    }

}
