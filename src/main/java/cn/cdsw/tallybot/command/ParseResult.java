package cn.cdsw.tallybot.command;

import cn.cdsw.tallybot.config.CommandType;

/**
 * The outcome of reading one message: a command, a refusal to show the user, or not a
 * command at all.
 */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Rejected, ParseResult.NotACommand {

    record Parsed(Command command) implements ParseResult {
    }

    /**
     * The message was meant as a command but cannot be read; nothing is stored.
     * {@code refusal} says what could not be read and why (the wording module words the
     * reply), {@code command} the command it was meant as.
     */
    record Rejected(Refusal refusal, CommandType command) implements ParseResult {

        /** The part that could not be read; may be empty. */
        public String fragment() {
            return refusal.fragment();
        }

        public RefusalReason reason() {
            return refusal.reason();
        }
    }

    /** Ordinary chat: the bot stays silent. */
    record NotACommand() implements ParseResult {
    }

}
