package cn.cdsw.tallybot.command;

import java.time.LocalDate;

/**
 * What the parser needs to know about the moment and the sender, so that it stays a pure
 * function: the local date of the message (Asia/Shanghai), how many days back a member
 * may report, whether the sender is a coordinator (who may report further back), and
 * whether the bot was @-mentioned.
 */
public record ParseContext(LocalDate today, int backdateWindowDays, boolean coordinator, boolean mentionsBot) {

    public ParseContext {
        if (backdateWindowDays < 0) {
            throw new IllegalArgumentException("backdate window must not be negative");
        }
    }
}
