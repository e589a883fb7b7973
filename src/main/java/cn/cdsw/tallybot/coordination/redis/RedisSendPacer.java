package cn.cdsw.tallybot.coordination.redis;

import java.time.Clock;
import java.time.Duration;

import io.lettuce.core.ScriptOutputType;

import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.SendPacer;

/**
 * Send slots per group shared by all replicas: a Redis list of the last {@code limit}
 * slots handed out, newest first. A new slot is no earlier than now, than the newest
 * slot, and than the oldest kept slot plus the window, so no window ever holds more than
 * {@code limit} sends. One script, so two replicas never take the same slot. While Redis
 * is unreachable each replica paces on its own ({@code fallback}). As in process, slots
 * more than two windows ahead are dropped: the clock went back.
 */
final class RedisSendPacer implements SendPacer {

    static final RedisScript RESERVE = RedisScript.of("""
            local now = tonumber(ARGV[1])
            local limit = tonumber(ARGV[2])
            local window = tonumber(ARGV[3])
            local slot = now
            local newest = redis.call('LINDEX', KEYS[1], 0)
            if newest and tonumber(newest) > now + 2 * window then
              redis.call('DEL', KEYS[1])
              newest = false
            end
            if newest and tonumber(newest) > slot then slot = tonumber(newest) end
            if redis.call('LLEN', KEYS[1]) >= limit then
              local oldest = tonumber(redis.call('LINDEX', KEYS[1], limit - 1))
              if oldest + window > slot then slot = oldest + window end
            end
            redis.call('LPUSH', KEYS[1], slot)
            redis.call('LTRIM', KEYS[1], 0, limit - 1)
            redis.call('PEXPIRE', KEYS[1], slot - now + window)
            return slot - now""", ScriptOutputType.INTEGER);

    private final RedisLink redis;

    private final SendPacer fallback;

    private final Clock clock;

    private final int limit;

    private final long windowMillis;

    RedisSendPacer(RedisLink redis, SendPacer fallback, Clock clock, int limit, Duration window) {
        this.redis = redis;
        this.fallback = fallback;
        this.clock = clock;
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    @Override
    public Duration reserve(GroupRef group) {
        String key = redis.key("tallybot:pace:" + group.platform() + ":" + group.groupId());
        String[] args = { Long.toString(clock.millis()), Integer.toString(limit), Long.toString(windowMillis) };
        return redis.call(c -> Duration.ofMillis(RESERVE.<Long>run(c, new String[] { key }, args)),
                () -> fallback.reserve(group));
    }

}
