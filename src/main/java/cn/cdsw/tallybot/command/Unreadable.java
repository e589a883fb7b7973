package cn.cdsw.tallybot.command;

import cn.cdsw.tallybot.config.CommandType;

/**
 * Thrown inside the report grammar the moment a clause cannot be read, so that the clause code stays linear;
 * {@link CommandParser} turns it into a {@link ParseResult.Rejected} before anything leaves the package.
 */
final class Unreadable extends RuntimeException {

    private final String fragment;
    private final RefusalReason reason;

    Unreadable(RefusalReason reason, String fragment, String reply) {
        super(reply, null, false, false);
        this.fragment = fragment;
        this.reason = reason;
    }

    ParseResult.Rejected toRejected(CommandType command) {
        return new ParseResult.Rejected(fragment, getMessage(), reason, command);
    }
}
