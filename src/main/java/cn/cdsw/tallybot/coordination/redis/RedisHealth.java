package cn.cdsw.tallybot.coordination.redis;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code redis} component of {@code /actuator/health}: UP with the address, or DOWN
 * with the error while Redis is unreachable. A Redis outage must not take a replica out
 * of its load balancer or fail its container health check, because the bot keeps serving
 * (the ports fall back in process): {@link #aggregator} leaves Redis's own DOWN out of
 * the overall status, which stays UP and HTTP 200 while the database is up.
 */
final class RedisHealth implements HealthIndicator {

    /**
     * Told apart from other DOWNs by identity. Boot collects the components' statuses
     * into a set, so if another component is DOWN at the same time, the overall status is
     * DOWN whichever of the two the set kept... unless it kept this one; the database
     * component sorts before {@code redis}, so it is the one kept.
     */
    static final Status DOWN = new Status(Status.DOWN.getCode(), "Redis unreachable; coordination runs in process");

    private final RedisLink redis;

    RedisHealth(RedisLink redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        String pong = redis.call(c -> c.ping(), () -> "");
        if ("PONG".equals(pong)) {
            return Health.up().withDetail("address", redis.address()).build();
        }
        return Health.status(DOWN)
            .withDetail("address", redis.address())
            .withDetail("error", redis.lastError())
            .withDetail("fallback",
                    "dedup by the database's unique keys; follow-ups and pacing in this "
                            + "replica; no command rate limit")
            .build();
    }

    /**
     * The default aggregation, with {@link #DOWN} not counted against the overall status.
     */
    static StatusAggregator aggregator() {
        StatusAggregator defaults = StatusAggregator.getDefault();
        return statuses -> {
            Set<Status> counted = statuses.stream().filter(s -> s != DOWN).collect(Collectors.toSet());
            return counted.isEmpty() ? Status.UP : defaults.getAggregateStatus(counted);
        };
    }

}
