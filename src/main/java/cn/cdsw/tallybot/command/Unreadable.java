package cn.cdsw.tallybot.command;

/**
 * Thrown inside the report grammar the moment a clause cannot be read, so that the clause code stays linear;
 * {@link CommandParser} turns it into a {@link ParseResult.Rejected} before anything leaves the package.
 */
final class Unreadable extends RuntimeException {

    private final String fragment;

    Unreadable(String fragment, String reply) {
        super(reply, null, false, false);
        this.fragment = fragment;
    }

    ParseResult.Rejected toRejected() {
        return new ParseResult.Rejected(fragment, getMessage());
    }
}
