package cn.cdsw.tallybot.config;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where {@code bot-config/} lives ({@code TALLYBOT_CONFIG_DIR}) and the zone whose
 * calendar days reports and summaries count in. The zone is configuration, never the JVM
 * default, so a server set to UTC still files a report sent at 07:00 in Chengdu on the
 * right day.
 *
 * @param configDir folder of the bot's vocabulary and groups (districts.yml, metrics.yml,
 * groups.yml, …), relative to the working directory unless absolute
 * @param zone time zone whose calendar days reports, queries and the daily summary count
 * in
 */
@ConfigurationProperties("tallybot")
public record BotConfigProperties(@DefaultValue("bot-config") Path configDir,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
