package cn.cdsw.tallybot.summary;

import java.time.Clock;
import java.util.Random;
import java.util.UUID;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigProperties;
import cn.cdsw.tallybot.platform.ChatSender;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires summary delivery. The composer and the senders are looked up, not required: without a composer
 * (another feature provides it) or without a platform API the application still starts, and delivery says so
 * in the log.
 */
@Configuration(proxyBeanMethods = false)
class SummaryConfiguration {

    @Bean
    SummaryDelivery summaryDelivery(SummaryClaimRepository claims, ObjectProvider<ChatSender> senders,
            SummaryProperties properties, Clock clock) {
        RetryPolicy retry = new RetryPolicy(properties.retryInitial(), properties.retryMax(), properties.retryFor(),
                new Random());
        return new SummaryDelivery(claims, senders.orderedStream().toList(), retry, properties.images(),
                replicaId(), clock);
    }

    @Bean
    DailySummaryService dailySummaryService(SummaryClaimRepository claims, SummaryDelivery delivery,
            ObjectProvider<SummaryComposer> composers, BotConfig config, BotConfigProperties bot,
            SummaryProperties properties, InstallationRepository installation, Clock clock) {
        PostSchedule schedule = new PostSchedule(bot.zone(), properties.time(), properties.onTimeWindow(),
                installation.firstStarted(clock.instant()));
        return new DailySummaryService(claims, delivery, composers::getIfAvailable, config.groups(), schedule);
    }

    /**
     * Names this process in {@code summary_post.owner}, so a row left in {@code sending} says which replica
     * was sending it. The pid helps on one machine; the random part keeps restarts and containers apart.
     */
    private static String replicaId() {
        return ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
