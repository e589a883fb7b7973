package cn.cdsw.tallybot.coordination.redis;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redis for several replicas (docs/coordination.md §4): {@code url} (env
 * {@code TALLYBOT_REDIS_URL}: {@code redis://host:port/db},
 * {@code redis://:password@host:port}, {@code rediss://} for TLS; unset means no Redis),
 * a {@code key-prefix} put before every key (so tests or two deployments can share one
 * server), and short timeouts, because a webhook must not wait on an unreachable Redis:
 * past {@code timeout} the port falls back to in-process behaviour.
 *
 * @param url Redis shared by the replicas (redis://host:port/db,
 * redis://:password@host:port, rediss:// for TLS); unset means in-process coordination,
 * for one replica only
 * @param keyPrefix put before every key, so that tests or two deployments can share one
 * Redis
 * @param timeout how long a command may take before the port falls back to in-process
 * behaviour
 * @param connectTimeout how long connecting may take before the port falls back to
 * in-process behaviour
 */
@ConfigurationProperties("tallybot.redis")
public record RedisProperties(@Nullable String url, @DefaultValue("") String keyPrefix,
        @DefaultValue("500ms") Duration timeout, @DefaultValue("1s") Duration connectTimeout) {

    public RedisProperties {
        url = url == null || url.isBlank() ? null : url.strip();
        if (timeout.isNegative() || timeout.isZero() || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("tallybot.redis.timeout and connect-timeout must be positive");
        }
    }

    /**
     * Keeps a password in the URL out of logs and failure analyses, which print bound
     * properties.
     */
    @Override
    public String toString() {
        return "RedisProperties[url=" + (url == null ? "unset" : url.replaceFirst("//[^@/]*@", "//******@"))
                + ", keyPrefix=" + keyPrefix + ", timeout=" + timeout + ", connectTimeout=" + connectTimeout + "]";
    }
}
