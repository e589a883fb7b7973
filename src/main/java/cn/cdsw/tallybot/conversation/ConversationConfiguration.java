package cn.cdsw.tallybot.conversation;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.command.CommandParser;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.coordination.FollowUps;

/**
 * The parser is plain Java; this makes the one instance the pipeline uses, built from
 * bot-config.
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    @Bean
    CommandParser commandParser(BotConfig config) {
        return new CommandParser(config);
    }

    /** Reports waiting for their district (请补充区县). */
    @Bean
    PendingDrafts districtQuestions(FollowUps followUps, JsonMapper json, Clock clock,
            ConversationProperties properties) {
        return new PendingDrafts("followup", followUps, json, clock, properties.followUpTimeout());
    }

    /** Figures read from prose, waiting for 确认. */
    @Bean
    PendingDrafts confirmations(FollowUps followUps, JsonMapper json, Clock clock, ConversationProperties properties) {
        return new PendingDrafts("confirm", followUps, json, clock, properties.followUpTimeout());
    }

    /** Bulletins of several stations, waiting for 确认. */
    @Bean
    PendingBulletins bulletins(FollowUps followUps, JsonMapper json, Clock clock, ConversationProperties properties) {
        return new PendingBulletins(followUps, json, clock, properties.followUpTimeout());
    }

}
