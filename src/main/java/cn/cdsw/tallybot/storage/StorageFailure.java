package cn.cdsw.tallybot.storage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteException;
import org.springframework.transaction.TransactionSystemException;

import cn.cdsw.tallybot.storage.LedgerUnavailableException.Reason;

/**
 * Tells a failure of the database from a failure of the work that used it, by the
 * database's own error codes anywhere in the exception's causes. Spring's exception
 * translation is not enough: it calls SQLite's "database or disk is full" an
 * uncategorised error, like a syntax error.
 */
final class StorageFailure {

    // SQLite's primary result codes (the low byte of an extended code)
    private static final int SQLITE_BUSY = 5;

    private static final int SQLITE_LOCKED = 6;

    private static final int SQLITE_READONLY = 8;

    private static final int SQLITE_IOERR = 10;

    private static final int SQLITE_FULL = 13;

    private static final int SQLITE_CANTOPEN = 14;

    private StorageFailure() {
    }

    /** Why the database failed, or empty when {@code failure} is not the database's. */
    static Optional<Reason> of(Throwable failure) {
        return Optional.ofNullable(sayer(failure)).flatMap(StorageFailure::reasonOf);
    }

    /**
     * What the database said about its failure, for a log line; else what {@code failure}
     * says.
     */
    static String what(Throwable failure) {
        Throwable sayer = sayer(failure);
        return String.valueOf((sayer != null ? sayer : failure).getMessage());
    }

    /**
     * The exception among {@code failure}'s causes in which the database says why it
     * failed: the first that says it cannot take writes, else the first that says it is
     * busy.
     */
    private static @Nullable Throwable sayer(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        Throwable busy = null;
        while (!next.isEmpty()) {
            Throwable t = next.poll();
            if (!seen.add(t)) {
                continue;
            }
            Optional<Reason> reason = reasonOf(t);
            if (reason.isPresent()) {
                // a full disk behind a lock is still a full disk
                if (reason.get() == Reason.CANNOT_WRITE) {
                    return t;
                }
                if (busy == null) {
                    busy = t;
                }
            }
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            // a rollback that failed after the database broke the transaction hides the
            // original failure here
            if (t instanceof TransactionSystemException tse && tse.getApplicationException() != null) {
                next.add(tse.getApplicationException());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                next.add(sql.getNextException());
            }
            Collections.addAll(next, t.getSuppressed());
        }
        return busy;
    }

    private static Optional<Reason> reasonOf(Throwable t) {
        if (t instanceof SqliteTransactionGuard.TransactionLostException) {
            return Optional.of(Reason.CANNOT_WRITE);
        }
        if (t instanceof SQLiteException sqlite) {
            return sqlite(sqlite.getResultCode().code & 0xff);
        }
        if (t instanceof SQLTransientConnectionException) {
            // the pool had no connection within its timeout: the writer is held up
            return Optional.of(Reason.BUSY);
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            return postgres(sql.getSQLState());
        }
        return Optional.empty();
    }

    private static Optional<Reason> sqlite(int code) {
        return switch (code) {
            case SQLITE_BUSY, SQLITE_LOCKED -> Optional.of(Reason.BUSY);
            case SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN -> Optional.of(Reason.CANNOT_WRITE);
            default -> Optional.empty();
        };
    }

    /** PostgreSQL's SQLSTATEs (its manual's appendix "Error Codes"). */
    private static Optional<Reason> postgres(String state) {
        // serialization_failure, deadlock_detected, lock_not_available
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return Optional.of(Reason.BUSY);
        }
        // connection exceptions, insufficient resources (disk_full 53100),
        // read_only_sql_transaction
        // (a server in recovery or default_transaction_read_only), admin shutdown and the
        // like
        if (state.startsWith("08") || state.startsWith("53") || state.equals("25006") || state.startsWith("57P")) {
            return Optional.of(Reason.CANNOT_WRITE);
        }
        return Optional.empty();
    }

}
