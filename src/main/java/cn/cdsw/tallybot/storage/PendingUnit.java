package cn.cdsw.tallybot.storage;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One caller's {@link Work} on its way through the {@link Ledger}: run on the writer
 * thread (or the caller's), and answered only after the commit that made it durable.
 */
final class PendingUnit<T extends @Nullable Object> {

    private final Work<T> work;

    private final @Nullable Map<String, String> logContext = MDC.getCopyOfContextMap();

    private final CompletableFuture<T> answer = new CompletableFuture<>();

    private volatile @Nullable Throwable failure;

    PendingUnit(Work<T> work) {
        this.work = work;
    }

    /**
     * Runs the work in {@code transaction} (a savepoint of the batch, or a transaction of
     * its own) under the caller's log context; returns how to finish once that
     * transaction has committed: the unit's side effects, then the caller's answer.
     */
    Runnable runIn(TransactionTemplate transaction) {
        Map<String, String> threadContext = MDC.getCopyOfContextMap();
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        failure = null;
        try {
            Unit.Ran<T> ran = transaction.execute(status -> Unit.run(work, status));
            return () -> {
                ran.unit().committed();
                answer.complete(ran.result());
            };
        }
        catch (RuntimeException e) {
            RuntimeException cause = applicationFailure(e);
            failure = cause;
            return () -> answer.completeExceptionally(cause);
        }
        catch (Error e) {
            failure = e;
            return () -> answer.completeExceptionally(e);
        }
        finally {
            if (threadContext != null) {
                MDC.setContextMap(threadContext);
            }
            else {
                MDC.clear();
            }
        }
    }

    /** What the work threw the last time it ran, if it failed. */
    @Nullable Throwable failure() {
        return failure;
    }

    /** Answers the caller with {@code e} without running the work (again). */
    void fail(RuntimeException e) {
        answer.completeExceptionally(e);
    }

    /**
     * What the work threw, where rolling back after it failed too: on SQLite a statement
     * stopped at its timeout has already rolled the transaction back, so Spring's own
     * rollback fails and would hide the timeout the caller must see.
     */
    private static RuntimeException applicationFailure(RuntimeException e) {
        if (e instanceof TransactionSystemException rollback
                && rollback.getApplicationException() instanceof RuntimeException work) {
            return work;
        }
        return e;
    }

    /**
     * Whether the last run failed because a statement ran past its timeout; on SQLite an
     * interrupted write rolls back the whole transaction it was part of, savepoints and
     * all (docs/storage.md §12).
     */
    boolean timedOut() {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof QueryTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The work's result, or what it threw, once it has committed or failed. */
    T await(Duration limit) {
        try {
            return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the ledger's writer", e);
        }
        catch (TimeoutException e) {
            throw new IllegalStateException("no commit within " + limit, e);
        }
    }

    /** Calls {@code failed} with what the work threw, for a unit nobody waits for. */
    void whenFailed(java.util.function.Consumer<Throwable> failed) {
        answer.whenComplete((result, error) -> {
            if (error != null) {
                failed.accept(error);
            }
        });
    }

}
