package cn.cdsw.tallybot.config;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where {@code bot-config/} lives ({@code TALLYBOT_CONFIG_DIR}) and the zone whose calendar days reports and
 * summaries count in. The zone is configuration, never the JVM default, so a server set to UTC still files a
 * report sent at 07:00 in Chengdu on the right day.
 */
@ConfigurationProperties("tallybot")
public record BotConfigProperties(
        @DefaultValue("bot-config") Path configDir,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
