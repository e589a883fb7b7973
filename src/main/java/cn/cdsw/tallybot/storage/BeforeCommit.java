package cn.cdsw.tallybot.storage;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work a transaction notes as it goes and does once, just before it commits, still inside
 * it: the rollups of every record a transaction stored, retracted or corrected are
 * brought up to date by one set of upserts at the end instead of one per record — per
 * message on PostgreSQL, per batch of messages in a group commit (docs/storage.md §7,
 * §8).
 *
 * <p>
 * The journal belongs to the transaction, not to a savepoint: a unit of a batch that
 * rolls back to its savepoint leaves its notes behind, so whoever closes a journal must
 * read what it applies from the database at that moment rather than trust the notes. It
 * is kept with the transaction's synchronizations, which Spring suspends with the
 * transaction, so a transaction started inside another one keeps a journal of its own.
 */
public final class BeforeCommit {

    private BeforeCommit() {
    }

    /**
     * The journal of kind {@code kind} of the current transaction, made by {@code open}
     * on first use and handed to {@code close} once, just before the transaction commits
     * (never when it rolls back; an exception from {@code close} rolls it back). Empty
     * outside a transaction: the caller then does its work at once.
     */
    public static <J> Optional<J> journal(Class<J> kind, Supplier<J> open, Consumer<J> close) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty();
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Journal<?> journal && kind.isInstance(journal.notes)) {
                return Optional.of(kind.cast(journal.notes));
            }
        }
        J notes = open.get();
        TransactionSynchronizationManager.registerSynchronization(new Journal<>(notes, close));
        return Optional.of(notes);
    }

    private static final class Journal<J> implements TransactionSynchronization {

        final J notes;

        private final Consumer<J> close;

        Journal(J notes, Consumer<J> close) {
            this.notes = notes;
            this.close = close;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            close.accept(notes);
        }

    }

}
