package cn.cdsw.tallybot.summary;

import java.time.Clock;
import java.util.Random;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigProperties;
import cn.cdsw.tallybot.coordination.ReplicaId;
import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.SendPacer;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires summary delivery. The senders are looked up, not required: without a platform API
 * the application still starts, and delivery says so in the log.
 */
@Configuration(proxyBeanMethods = false)
class SummaryConfiguration {

    @Bean
    SummaryDelivery summaryDelivery(SummaryClaimRepository claims, ObjectProvider<ChatSender> senders, SendPacer pacer,
            SummaryProperties properties, ReplicaId replica, Clock clock, MeterRegistry registry) {
        RetryPolicy retry = new RetryPolicy(properties.retryInitial(), properties.retryMax(), properties.retryFor(),
                new Random());
        // paced: a summary shares each group's send budget with the replies of every
        // replica
        return new SummaryDelivery(claims, senders.orderedStream().map(pacer::paced).toList(), retry,
                properties.images(), replica.value(), clock, new SummaryMetrics(registry));
    }

    @Bean
    DailySummaryService dailySummaryService(SummaryClaimRepository claims, SummaryDelivery delivery,
            SummaryComposer composer, BotConfig config, BotConfigProperties bot, SummaryProperties properties,
            InstallationRepository installation, Clock clock) {
        PostSchedule schedule = new PostSchedule(bot.zone(), properties.time(), properties.onTimeWindow(),
                installation.firstStarted(clock.instant()));
        return new DailySummaryService(claims, delivery, composer, config.groups(), schedule);
    }

}
