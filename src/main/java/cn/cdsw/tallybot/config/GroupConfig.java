package cn.cdsw.tallybot.config;

/** A chat group the bot serves; {@code summary} groups receive the evening tally. */
public record GroupConfig(String platform, String id, String name, boolean summary) {
}
