package cn.cdsw.tallybot.conversation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** One caller's work in {@link GroupCommit}: run on the writer thread, answered after its commit. */
final class GroupCommitTask<T> {

    private final TransactionCallback<T> work;
    private final @Nullable Map<String, String> logContext = MDC.getCopyOfContextMap();
    private final CompletableFuture<T> answer = new CompletableFuture<>();

    GroupCommitTask(TransactionCallback<T> work) {
        this.work = work;
    }

    /**
     * Runs the work in {@code transaction} (a savepoint of the batch, or a transaction of its own) under the
     * caller's log context; returns how to answer the caller, to be called once the work is committed.
     */
    Runnable runIn(TransactionTemplate transaction) {
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        try {
            T result = transaction.execute(work);
            return () -> answer.complete(result);
        }
        catch (RuntimeException | Error e) {
            return () -> answer.completeExceptionally(e);
        }
        finally {
            MDC.clear();
        }
    }

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
            throw new IllegalStateException("interrupted while waiting for the group commit", e);
        }
        catch (TimeoutException e) {
            throw new IllegalStateException("no commit within " + limit, e);
        }
    }
}
