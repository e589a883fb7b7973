package cn.cdsw.tallybot.conversation;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Side effects of a message's work (posting the daily summary now) that must run after the work commits, and only
 * for the delivery whose reply was recorded. In a group commit each message runs in a savepoint of one batch: a
 * redelivery that loses to the first delivery rolls back to its savepoint, but a synchronization it had registered
 * would still run when the batch commits, so the summary would go out twice. {@link ReplyLog#once} therefore
 * collects the side effects while the work runs and registers them only once the reply is saved.
 */
final class AfterCommit {

    private static final ThreadLocal<List<Runnable>> COLLECTING = new ThreadLocal<>();

    private AfterCommit() {
    }

    /** Runs {@code task} after the current transaction commits (now, outside one), or hands it to the collector. */
    static void run(Runnable task) {
        List<Runnable> collecting = COLLECTING.get();
        if (collecting != null) {
            collecting.add(task);
        } else {
            register(task);
        }
    }

    /** Runs {@code work} with the side effects it asks for gathered into {@code into} instead of registered. */
    static <T> T collecting(List<Runnable> into, Supplier<T> work) {
        List<Runnable> outer = COLLECTING.get();
        COLLECTING.set(into);
        try {
            return work.get();
        }
        finally {
            if (outer == null) {
                COLLECTING.remove();
            } else {
                COLLECTING.set(outer);
            }
        }
    }

    /** Runs {@code task} once the current transaction has committed; never when it rolls back. */
    static void register(Runnable task) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            task.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                task.run();
            }
        });
    }
}
