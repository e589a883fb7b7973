package cn.cdsw.tallybot.wording;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.cdsw.tallybot.config.BotConfig;

/**
 * The one {@link Wording} of the application, built when bot-config is loaded; the only
 * Spring in this package.
 */
@Configuration(proxyBeanMethods = false)
class WordingConfiguration {

    @Bean
    Wording wording(BotConfig config) {
        return Wording.chinese(config);
    }

}
