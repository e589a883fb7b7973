package cn.cdsw.tallybot.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads {@code bot-config/} once at start-up; a mistake in it stops the start with the
 * file and line.
 */
@Configuration(proxyBeanMethods = false)
class BotConfigConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BotConfigConfiguration.class);

    @Bean
    BotConfig botConfig(BotConfigProperties properties) {
        BotConfig config = BotConfigLoader.load(properties.configDir());
        log.info("Loaded {} from {}: {} districts, {} metrics, {} groups", "bot-config",
                properties.configDir().toAbsolutePath(), config.districts().all().size(), config.metrics().all().size(),
                config.groups().groups().size());
        return config;
    }

}
