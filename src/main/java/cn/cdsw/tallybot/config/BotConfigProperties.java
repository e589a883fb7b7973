package cn.cdsw.tallybot.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where {@code bot-config/} lives; {@code TALLYBOT_CONFIG_DIR} overrides it. */
@ConfigurationProperties("tallybot")
public record BotConfigProperties(@DefaultValue("bot-config") Path configDir) {
}
