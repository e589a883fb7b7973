package cn.cdsw.tallybot.coordination.redis;

import java.time.Clock;

import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import cn.cdsw.tallybot.coordination.CoordinationProperties;
import cn.cdsw.tallybot.coordination.Deduplicator;
import cn.cdsw.tallybot.coordination.FollowUps;
import cn.cdsw.tallybot.coordination.RateLimiter;
import cn.cdsw.tallybot.coordination.RedisUrl;
import cn.cdsw.tallybot.coordination.local.LocalFollowUps;
import cn.cdsw.tallybot.coordination.local.LocalSendPacer;
import cn.cdsw.tallybot.platform.SendPacer;

/**
 * The coordination ports on Redis, chosen when {@code tallybot.redis.url} is set
 * (docs/coordination.md §2).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisUrl.Present.class)
class RedisCoordinationConfiguration {

    /** Closed on shutdown: connection, client, then its threads. */
    @Bean(destroyMethod = "close")
    RedisLink redisLink(RedisProperties properties) {
        return new RedisLink(properties);
    }

    @Bean
    Deduplicator deduplicator(RedisLink redis) {
        return new RedisDeduplicator(redis);
    }

    @Bean
    FollowUps followUps(RedisLink redis, Clock clock) {
        return new RedisFollowUps(redis, new LocalFollowUps(clock));
    }

    @Bean
    RateLimiter rateLimiter(RedisLink redis, Clock clock, CoordinationProperties properties) {
        return new RedisRateLimiter(redis, clock, properties.commandLimit(), properties.commandWindow());
    }

    @Bean
    SendPacer sendPacer(RedisLink redis, Clock clock, CoordinationProperties properties) {
        LocalSendPacer fallback = new LocalSendPacer(clock, properties.pace());
        return new RedisSendPacer(redis, fallback, clock, properties.pace());
    }

    /** Named {@code redis} in {@code /actuator/health}. */
    @Bean
    RedisHealth redisHealthIndicator(RedisLink redis) {
        return new RedisHealth(redis);
    }

    @Bean
    StatusAggregator healthStatusAggregator() {
        return RedisHealth.aggregator();
    }

}
