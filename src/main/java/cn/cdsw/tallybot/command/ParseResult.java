package cn.cdsw.tallybot.command;

/** The outcome of reading one message: a command, a refusal to show the user, or not a command at all. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Rejected, ParseResult.NotACommand {

    record Parsed(Command command) implements ParseResult {
    }

    /**
     * The message was meant as a command but cannot be read; nothing is stored. {@code fragment} is the part
     * that could not be read (may be empty) and {@code reply} the whole Chinese answer, with the right form.
     */
    record Rejected(String fragment, String reply) implements ParseResult {
    }

    /** Ordinary chat: the bot stays silent. */
    record NotACommand() implements ParseResult {
    }
}
