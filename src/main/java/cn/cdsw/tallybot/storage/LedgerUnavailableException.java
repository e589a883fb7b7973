package cn.cdsw.tallybot.storage;

/**
 * The ledger could not store a unit, for a reason that lies with the database rather than
 * with the work: its writes were undone and nothing of it is stored, so the caller may
 * tell its sender to send again (docs/storage.md §11). Any other exception from
 * {@link Ledger#write} is the work's own.
 */
public final class LedgerUnavailableException extends RuntimeException {

    private final Reason reason;

    LedgerUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why the unit could not be stored. */
    public enum Reason {

        /**
         * Another writer held the database for longer than the ledger waits and retries
         * (SQLite's lock held by another process, a PostgreSQL lock or serialisation
         * conflict): sending again shortly will most likely work.
         */
        BUSY,
        /**
         * The database cannot take writes: the disk is full, the file or the database is
         * read-only, an I/O error, no connection. Needs an operator; the ledger's health
         * shows it.
         */
        CANNOT_WRITE

    }

}
