package cn.cdsw.tallybot.command;

import java.time.LocalDate;
import java.util.Objects;

import cn.cdsw.tallybot.query.Scope;

/**
 * What the parser needs to know about the moment and the sender, so that it stays a pure
 * function: the local date of the message (Asia/Shanghai), how many days back a member
 * may report, whether the sender is a coordinator (who may report further back), and
 * whether the bot was @-mentioned.
 * <p>
 * {@code addressed} says the message was written to the bot alone (a private chat): a
 * command word may then run into its body without a prefix, as after a mention, but a
 * message without one is no command, so that it can still answer a question the bot
 * asked. {@code defaultScope} is what a query covers when it names no scope: the city in
 * a group, a coordinator's own district in private.
 */
public record ParseContext(LocalDate today, int backdateWindowDays, boolean coordinator, boolean mentionsBot,
        boolean addressed, Scope defaultScope) {

    public ParseContext {
        if (backdateWindowDays < 0) {
            throw new IllegalArgumentException("backdate window must not be negative");
        }
        Objects.requireNonNull(defaultScope, "defaultScope");
    }

    /** A group message's context: queries without a scope cover the city. */
    public ParseContext(LocalDate today, int backdateWindowDays, boolean coordinator, boolean mentionsBot) {
        this(today, backdateWindowDays, coordinator, mentionsBot, false, Scope.CITY);
    }
}
