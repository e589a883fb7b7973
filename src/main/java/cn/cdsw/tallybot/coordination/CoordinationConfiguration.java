package cn.cdsw.tallybot.coordination;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.cdsw.tallybot.coordination.local.LocalDeduplicator;
import cn.cdsw.tallybot.coordination.local.LocalFollowUps;

/** The in-process coordination ports, used while no shared store is configured. */
@Configuration(proxyBeanMethods = false)
class CoordinationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Deduplicator deduplicator(Clock clock) {
        return new LocalDeduplicator(clock);
    }

    @Bean
    @ConditionalOnMissingBean
    FollowUps followUps(Clock clock) {
        return new LocalFollowUps(clock);
    }
}
