package cn.cdsw.tallybot.summary;

import java.time.Clock;
import java.util.Random;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigProperties;
import cn.cdsw.tallybot.coordination.ReplicaId;
import cn.cdsw.tallybot.expectation.ExpectedUnits;
import cn.cdsw.tallybot.outbound.OutboundProperties;
import cn.cdsw.tallybot.outbound.OutboundService;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires summary delivery over the outbound queues. Without a platform API the application
 * still starts, and delivery says so in the log.
 */
@Configuration(proxyBeanMethods = false)
class SummaryConfiguration {

    @Bean
    SummaryDelivery summaryDelivery(SummaryClaimRepository claims, OutboundService outbound,
            SummaryProperties properties, OutboundProperties outboundProperties, ReplicaId replica, Clock clock,
            MeterRegistry registry) {
        RetryPolicy retry = new RetryPolicy(properties.retryInitial(), properties.retryMax(), properties.retryFor(),
                new Random());
        // queued per group: a summary shares each group's send budget with the replies of
        // every replica, and waits for no other group
        return new SummaryDelivery(claims, outbound, retry,
                new SummaryDelivery.Settings(properties.images(), replica.value(), outboundProperties.lease(), clock),
                new SummaryMetrics(registry));
    }

    @Bean
    DailySummaryService dailySummaryService(SummaryClaimRepository claims, SummaryDelivery delivery,
            SummaryComposer composer, BotConfig config, BotConfigProperties bot, SummaryProperties properties,
            InstallationRepository installation, ExpectedUnits expected, Clock clock) {
        PostSchedule schedule = new PostSchedule(bot.zone(), properties.time(), properties.onTimeWindow(),
                installation.firstStarted(clock.instant()));
        return new DailySummaryService(claims, delivery, composer, config.groups(), schedule,
                properties.skipDaysOff() ? expected::reportingDay : date -> true);
    }

}
