package cn.cdsw.tallybot.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit (docs/storage.md §8): the database work of concurrent messages runs on one writer thread and
 * commits in one transaction, each message inside its own savepoint, and every caller is answered only after the
 * commit that made its work durable. SQLite has one writer and the pool one connection, so this changes no
 * ordering; it turns N commits and N connection hand-overs into one.
 *
 * <p>A message whose work throws rolls back to its savepoint and gets the exception; the others in the batch
 * commit. Should the batch's commit itself fail, each message is run again alone in its own transaction (the
 * batch's work was rolled back as a whole, so nothing is applied twice). {@code group-commit-max-batch: 0}
 * turns the writer off: each message then commits alone on its caller's thread. The rollups of a batch's records
 * are brought up to date once, when the batch commits (report/RollupRepository).
 */
@Component
class GroupCommit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(30);

    private final TransactionTemplate batch;
    private final TransactionTemplate savepoint;
    private final TransactionTemplate alone;
    private final int maxBatch;
    private final BlockingQueue<GroupCommitTask<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer = new Thread(this::run, "group-commit");
    private final GroupCommitMetrics metrics;
    private volatile boolean running = true;

    GroupCommit(PlatformTransactionManager transactions, ConversationProperties properties,
            GroupCommitMetrics metrics) {
        this.metrics = metrics;
        metrics.watch(queue);
        this.batch = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.alone = new TransactionTemplate(transactions);
        this.maxBatch = properties.groupCommitMaxBatch();
        if (maxBatch > 0) {
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** Runs {@code work} in a transaction and returns its result once that transaction has committed. */
    <T> T execute(TransactionCallback<T> work) {
        if (maxBatch == 0 || !running) {
            return alone.execute(work);
        }
        GroupCommitTask<T> task = new GroupCommitTask<>(work);
        queue.add(task);
        return task.await(WAIT_LIMIT);
    }

    /** Messages waiting for the writer (tests use it to line up a batch). */
    int queued() {
        return queue.size();
    }

    private void run() {
        List<GroupCommitTask<?>> tasks = new ArrayList<>(maxBatch);
        while (running) {
            try {
                // bounded wait, so that a stop is noticed within a second
                GroupCommitTask<?> first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    tasks.add(first);
                    queue.drainTo(tasks, maxBatch - 1);
                    commit(tasks);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            finally {
                tasks.clear();
            }
        }
    }

    private void commit(List<GroupCommitTask<?>> tasks) {
        metrics.batch(tasks.size());
        List<Runnable> answers = new ArrayList<>(tasks.size());
        try {
            batch.executeWithoutResult(status -> tasks.forEach(task -> answers.add(task.runIn(savepoint))));
        }
        catch (RuntimeException e) {
            log.warn("Group commit of {} messages failed ({}); committing them one by one", tasks.size(), e.toString());
            answers.clear();
            tasks.forEach(task -> answers.add(task.runIn(alone)));
        }
        answers.forEach(Runnable::run);
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(5_000);
        for (GroupCommitTask<?> left = queue.poll(); left != null; left = queue.poll()) {
            left.runIn(alone).run();
        }
    }
}
