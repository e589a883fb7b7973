package cn.cdsw.tallybot.platform.onebot;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the events of one member in one conversation one after another, in the order they
 * arrived, and everyone else's alongside. A WebSocket delivers a group's events in order,
 * but a pool handles them at once; without this, a member's {@code #撤回} sent right after
 * their report could run before the report is stored, and their replies could cross.
 * Different members' events still run in parallel, so a busy group keeps the throughput
 * of the group commit; their replies may interleave, and each quotes what it answers.
 */
final class PerSenderOrder {

    private static final Logger log = LoggerFactory.getLogger(PerSenderOrder.class);

    private final Executor pool;

    /** Guarded by {@code this}; a key is here while it has a task queued or running. */
    private final Map<Key, ArrayDeque<Runnable>> queues = new HashMap<>();

    PerSenderOrder(Executor pool) {
        this.pool = pool;
    }

    /** Whose events must stay in order: a member within a group (or a private chat). */
    record Key(String conversation, String sender) {
    }

    /**
     * Runs {@code task} after every earlier task of {@code key} has finished. The tasks
     * of a key run in a loop on one pool thread rather than each scheduling the next, so
     * a long run of one member's events never nests on a stack.
     */
    void execute(Key key, Runnable task) {
        ArrayDeque<Runnable> queue;
        synchronized (this) {
            queue = queues.get(key);
            if (queue != null) {
                queue.add(task);
                return;
            }
            queue = new ArrayDeque<>();
            queue.add(task);
            queues.put(key, queue);
        }
        ArrayDeque<Runnable> started = queue;
        pool.execute(() -> drain(key, started));
    }

    private void drain(Key key, ArrayDeque<Runnable> queue) {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.peek();
                if (next == null) {
                    queues.remove(key);
                    return;
                }
            }
            try {
                next.run();
            }
            catch (RuntimeException bug) {
                // the member's later events must still run
                log.error("OneBot event of {} failed; their later events go on", key.conversation(), bug);
            }
            finally {
                synchronized (this) {
                    queue.poll();
                }
            }
        }
    }

    /** Keys with a task queued or running; zero when idle. */
    synchronized int pending() {
        return queues.size();
    }

}
