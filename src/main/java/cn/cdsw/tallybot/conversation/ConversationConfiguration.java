package cn.cdsw.tallybot.conversation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.cdsw.tallybot.command.CommandParser;
import cn.cdsw.tallybot.config.BotConfig;

/** The parser is plain Java; this makes the one instance the pipeline uses, built from bot-config. */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    @Bean
    CommandParser commandParser(BotConfig config) {
        return new CommandParser(config);
    }
}
