package cn.cdsw.tallybot.command;

import cn.cdsw.tallybot.config.CommandType;

/**
 * Thrown inside the report grammar the moment a clause cannot be read, so that the clause
 * code stays linear; {@link CommandParser} turns it into a {@link ParseResult.Rejected}
 * before anything leaves the package.
 */
final class Unreadable extends RuntimeException {

    private final Refusal refusal;

    Unreadable(Refusal refusal) {
        super(refusal.toString(), null, false, false);
        this.refusal = refusal;
    }

    Refusal refusal() {
        return refusal;
    }

    ParseResult.Rejected toRejected(CommandType command) {
        return new ParseResult.Rejected(refusal, command);
    }

}
