package cn.cdsw.tallybot.config;

import java.util.Locale;

/** The chat commands (docs/commands.md §2), named by the keys of {@code commands.yml}. */
public enum CommandType {

    REPORT, QUERY, RANK, LIST, MISSING, SUMMARY, WEEKLY, MONTHLY, RETRACT, CORRECT, BIND, MINE, EXPORT, DESK, HELP,
    REMIND, MUTE;

    public String configKey() {
        return name().toLowerCase(Locale.ROOT);
    }

}
