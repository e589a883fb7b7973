package cn.cdsw.tallybot.coordination;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import cn.cdsw.tallybot.coordination.local.LocalDeduplicator;
import cn.cdsw.tallybot.coordination.local.LocalFollowUps;
import cn.cdsw.tallybot.coordination.local.LocalRateLimiter;
import cn.cdsw.tallybot.coordination.local.LocalSendPacer;
import cn.cdsw.tallybot.platform.SendPacer;

/**
 * The in-process coordination ports, used while no Redis is configured (one replica);
 * with {@code tallybot.redis.url} set, {@code coordination.redis} provides them instead
 * (docs/coordination.md §2).
 */
@Configuration(proxyBeanMethods = false)
class CoordinationConfiguration {

    @Bean
    ReplicaId replicaId() {
        return ReplicaId.ofThisProcess();
    }

    @Bean
    @Conditional(RedisUrl.Absent.class)
    Deduplicator deduplicator(Clock clock) {
        return new LocalDeduplicator(clock);
    }

    @Bean
    @Conditional(RedisUrl.Absent.class)
    FollowUps followUps(Clock clock) {
        return new LocalFollowUps(clock);
    }

    @Bean
    @Conditional(RedisUrl.Absent.class)
    RateLimiter rateLimiter(Clock clock, CoordinationProperties properties) {
        return new LocalRateLimiter(clock, properties.commandLimit(), properties.commandWindow());
    }

    @Bean
    @Conditional(RedisUrl.Absent.class)
    SendPacer sendPacer(Clock clock, CoordinationProperties properties) {
        return new LocalSendPacer(clock, properties.pace());
    }

}
