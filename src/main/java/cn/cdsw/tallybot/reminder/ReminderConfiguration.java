package cn.cdsw.tallybot.reminder;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigProperties;
import cn.cdsw.tallybot.coordination.ReplicaId;
import cn.cdsw.tallybot.outbound.OutboundProperties;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.query.QueryService;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.wording.Wording;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the reminders over the outbound queues. */
@Configuration(proxyBeanMethods = false)
class ReminderConfiguration {

    @Bean
    ReminderService reminderService(ReminderClaimRepository claims, MuteRepository mutes, QueryService queries,
            ReportService reports, Wording wording, OutboundService outbound, BotConfig config, BotConfigProperties bot,
            ReminderProperties properties, OutboundProperties outboundProperties, ReplicaId replica) {
        return new ReminderService(claims, new ReminderComposer(queries, reports, mutes, wording), outbound,
                config.groups(), mutes,
                new ReminderService.Settings(bot.zone(), properties.times(), properties.lateAfter(),
                        properties.retryInitial(), replica.value(), outboundProperties.lease()));
    }

}
