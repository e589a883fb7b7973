package cn.cdsw.tallybot.summary;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
            SummaryComposer composer, PeriodComposer reports, BotConfig config, BotConfigProperties bot,
            SummaryProperties properties, InstallationRepository installation, ExpectedUnits expected, Clock clock) {
        Instant installed = installation.firstStarted(clock.instant());
        List<PostSchedule> schedules = new ArrayList<>();
        schedules.add(new PostSchedule(bot.zone(), properties.time(), properties.onTimeWindow(), installed));
        if (properties.weekly().enabled()) {
            schedules.add(new PostSchedule(PostKind.WEEKLY, bot.zone(), properties.weekly().time(),
                    properties.onTimeWindow(), installed));
        }
        if (properties.monthly().enabled()) {
            schedules.add(new PostSchedule(PostKind.MONTHLY, bot.zone(), properties.monthly().time(),
                    properties.onTimeWindow(), installed));
        }
        return new DailySummaryService(claims, delivery, composer, reports, config.groups(), schedules,
                properties.skipDaysOff() ? expected::reportingDay : date -> true);
    }

}
