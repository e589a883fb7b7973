package cn.cdsw.tallybot.coordination.redis;

import java.time.Duration;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;

import cn.cdsw.tallybot.coordination.ReplicaId;
import cn.cdsw.tallybot.coordination.SummaryLock;

/**
 * {@code SET tallybot:lock:summary <replica id> NX PX ttl}, released by a compare-and-delete script so a replica
 * whose lock expired cannot delete the next holder's (style rule 20). While Redis is unreachable every replica may
 * tick: the {@code summary_post} claims in the database still send each post once.
 */
final class RedisSummaryLock implements SummaryLock {

    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";

    private final RedisLink redis;
    private final String key;

    RedisSummaryLock(RedisLink redis) {
        this.redis = redis;
        this.key = redis.key("tallybot:lock:summary");
    }

    @Override
    public boolean acquire(ReplicaId owner, Duration ttl) {
        return redis.call(c -> c.set(key, owner.value(), SetArgs.Builder.nx().px(ttl.toMillis())) != null,
                () -> true);
    }

    @Override
    public void release(ReplicaId owner) {
        redis.call(c -> c.<Long>eval(RELEASE, ScriptOutputType.INTEGER, new String[] { key }, owner.value()),
                () -> 0L);
    }
}
