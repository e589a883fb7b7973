package cn.cdsw.tallybot.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Side effects of a message's work that must happen only once that work is durable, and
 * only for the delivery whose reply was recorded: counting a stored report, posting the
 * daily summary for #日报. Handlers ask for them wherever they are; the {@link Unit} they
 * run in keeps them and runs them after its commit, or drops them with its rollback. A
 * synchronization registered with Spring directly would not do: in a group commit each
 * message is a savepoint of one batch, and a synchronization outlives the rollback of its
 * savepoint.
 */
public final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {
    }

    /**
     * Runs {@code task} once the current unit has committed (never if it rolls back);
     * outside a unit, once the current transaction has committed, or now when there is
     * none.
     */
    public static void run(Runnable task) {
        Unit unit = Unit.current();
        if (unit != null) {
            unit.afterCommit(task);
        }
        else {
            afterTransaction(task);
        }
    }

    /** After the transaction open on this thread commits, or now. */
    static void afterTransaction(Runnable task) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            runLogged(task);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                runLogged(task);
            }
        });
    }

    /**
     * The work is committed and its caller is about to get its answer; a side effect that
     * fails (a counter, handing a post to its executor) must not take that answer or the
     * writer thread with it.
     */
    private static void runLogged(Runnable task) {
        try {
            task.run();
        }
        catch (RuntimeException e) {
            log.error("A side effect of committed work failed; the work stays committed and its caller is answered", e);
        }
    }

}
