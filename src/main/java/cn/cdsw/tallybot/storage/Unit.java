package cn.cdsw.tallybot.storage;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.TransactionStatus;

/**
 * One caller's work while the {@link Ledger} runs it: in a transaction of its own, or in
 * a savepoint of the writer's batch. Its writes and the side effects it asked for
 * ({@link AfterCommit#run}) are kept together: both take effect when the unit commits,
 * and both are dropped when it fails or {@link #rollback rolls back} — so a redelivered
 * message that loses to its first delivery in the same batch neither stores nor posts
 * anything.
 */
public final class Unit {

    private static final ThreadLocal<Unit> CURRENT = new ThreadLocal<>();

    private final @Nullable Unit outer;

    private final List<Runnable> afterCommit = new ArrayList<>();

    private boolean rolledBack;

    private Unit(@Nullable Unit outer) {
        this.outer = outer;
    }

    /**
     * Undoes this unit's writes and drops its side effects when its work returns, but
     * still hands its result to the caller: the reply log answers a losing redelivery
     * with the reply the first delivery recorded.
     */
    public void rollback() {
        rolledBack = true;
    }

    /** The unit running on this thread, if any. */
    static @Nullable Unit current() {
        return CURRENT.get();
    }

    /** Keeps {@code task} to run once this unit has committed. */
    void afterCommit(Runnable task) {
        afterCommit.add(task);
    }

    /**
     * Runs {@code work} as a new unit inside {@code status}'s transaction or savepoint,
     * on this thread.
     */
    static <T extends @Nullable Object> Ran<T> run(Work<T> work, TransactionStatus status) {
        Unit unit = new Unit(CURRENT.get());
        CURRENT.set(unit);
        try {
            T result = work.run(unit);
            if (unit.rolledBack) {
                status.setRollbackOnly();
                unit.afterCommit.clear();
            }
            return new Ran<>(unit, result);
        }
        catch (RuntimeException | Error e) {
            unit.afterCommit.clear();
            throw e;
        }
        finally {
            if (unit.outer == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(unit.outer);
            }
        }
    }

    /**
     * Called once the transaction or savepoint that held this unit ended in a commit: a
     * unit inside another hands its side effects to that one (nothing is committed before
     * the outer unit is); otherwise they run after the transaction still open on this
     * thread commits, or now when there is none.
     */
    void committed() {
        if (outer != null) {
            outer.afterCommit.addAll(afterCommit);
        }
        else {
            afterCommit.forEach(AfterCommit::afterTransaction);
        }
    }

    /** A unit that ran to its end, and the result of its work. */
    record Ran<T extends @Nullable Object>(Unit unit, T result) {
    }

}
