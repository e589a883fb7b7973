package cn.cdsw.tallybot.command;

import cn.cdsw.tallybot.config.CommandType;

/** The outcome of reading one message: a command, a refusal to show the user, or not a command at all. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Rejected, ParseResult.NotACommand {

    record Parsed(Command command) implements ParseResult {
    }

    /**
     * The message was meant as a command but cannot be read; nothing is stored. {@code fragment} is the part
     * that could not be read (may be empty), {@code reply} the whole Chinese answer, with the right form,
     * {@code reason} what kind of refusal it is and {@code command} the command it was meant as.
     */
    record Rejected(String fragment, String reply, RefusalReason reason, CommandType command) implements ParseResult {
    }

    /** Ordinary chat: the bot stays silent. */
    record NotACommand() implements ParseResult {
    }
}
