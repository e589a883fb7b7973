package cn.cdsw.tallybot.coordination.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Lettuce client and the one shared connection of this process (Lettuce
 * connections are thread-safe, so one serves every caller; no blocking command or
 * transaction may run on it), and what an outage does. Every command goes through
 * {@link #call}: on any Redis failure it answers with the caller's fallback, logs one
 * WARN when an outage begins and one INFO when Redis answers again, never one line per
 * message. Commands are rejected at once while disconnected and time out after
 * {@code tallybot.redis.timeout}, so an outage cannot hold a webhook; Lettuce reconnects
 * by itself, and if the first connect failed, the first call a second later retries.
 */
final class RedisLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

    private static final Duration CONNECT_RETRY = Duration.ofSeconds(1);

    private final ClientResources resources;

    private final RedisClient client;

    private final String keyPrefix;

    private final String address;

    private final AtomicBoolean down = new AtomicBoolean();

    private volatile @Nullable StatefulRedisConnection<String, String> connection;

    private volatile long nextConnectNanos = System.nanoTime();

    private volatile String lastError = "";

    RedisLink(RedisProperties properties) {
        RedisURI uri = RedisURI.create(properties.url());
        uri.setTimeout(properties.timeout());
        this.address = (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/"
                + uri.getDatabase();
        this.keyPrefix = properties.keyPrefix();
        // Reconnect within about a second of Redis coming back, not Lettuce's default of
        // up to 30 s.
        this.resources = DefaultClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
            .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
            .timeoutOptions(TimeoutOptions.enabled(properties.timeout()))
            .build());
    }

    /** {@code key} with the configured prefix in front. */
    String key(String key) {
        return keyPrefix + key;
    }

    /** Runs {@code command}, or answers {@code fallback} when Redis cannot. */
    <T> T call(Function<RedisCommands<String, String>, T> command, Supplier<T> fallback) {
        try {
            T result = command.apply(commands());
            if (down.compareAndSet(true, false)) {
                log.info("Redis at {} answers again: dedup, follow-ups and limits are shared again", address);
            }
            return result;
        }
        catch (RedisException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (down.compareAndSet(false, true)) {
                log.warn(
                        "Redis at {} is unreachable ({}); until it is back, the database's unique keys alone stop "
                                + "double counting, follow-ups stay in this replica and no rate limit applies",
                        address, lastError);
            }
            return fallback.get();
        }
    }

    /**
     * Whether the last command failed; what the health indicator reports besides its own
     * PING.
     */
    boolean isDown() {
        return down.get();
    }

    String address() {
        return address;
    }

    String lastError() {
        return lastError;
    }

    private RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            return current.sync();
        }
        synchronized (this) {
            if (connection == null) {
                // elapsed time, not the injected clock: a test's frozen clock must not
                // stop reconnecting
                if (System.nanoTime() - nextConnectNanos < 0) {
                    throw new RedisConnectionException("not connected; retrying within " + CONNECT_RETRY);
                }
                nextConnectNanos = System.nanoTime() + CONNECT_RETRY.toNanos();
                connection = client.connect();
            }
            return connection.sync();
        }
    }

    /**
     * Closes the connection, then the client, then its threads: each needs the next one
     * to shut down cleanly.
     */
    @Override
    public void close() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

}
