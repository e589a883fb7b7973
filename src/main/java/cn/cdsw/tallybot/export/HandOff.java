package cn.cdsw.tallybot.export;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Passes what the caller reads to a consumer running on a thread of its own, a batch at a
 * time, so that reading a ledger (on the caller's thread, which holds the transaction)
 * and writing it (XML, compression) each keep a core busy instead of taking turns. At
 * most {@value #BATCHES} batches wait between the two: a reader faster than the writer
 * waits for it, and memory stays bounded. What the consumer throws ends the hand-off and
 * is thrown again to the caller, at its next element or at {@link #finish()}.
 */
final class HandOff<E> implements Consumer<E>, AutoCloseable {

    static final int BATCH = 500;

    static final int BATCHES = 8;

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** The batch that tells the consumer no more will come. */
    private final List<E> end = new ArrayList<>(0);

    private final BlockingQueue<List<E>> queue = new ArrayBlockingQueue<>(BATCHES);

    private final Thread thread;

    private volatile @Nullable Throwable failure;

    private List<E> batch = new ArrayList<>(BATCH);

    private boolean finished;

    HandOff(String name, Consumer<E> consumer) {
        this.thread = new Thread(() -> consume(consumer), name + "-" + THREADS.incrementAndGet());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void accept(E element) {
        batch.add(element);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /**
     * Waits until the consumer has taken every element; throws what it threw, if it
     * failed.
     */
    void finish() {
        if (!batch.isEmpty()) {
            put(batch);
        }
        put(end);
        join();
        finished = true;
        rethrowFailure();
    }

    /**
     * Stops a consumer that did not finish (the caller failed first) and waits for it.
     */
    @Override
    public void close() {
        if (!finished) {
            thread.interrupt();
            join();
        }
    }

    private void consume(Consumer<E> consumer) {
        try {
            while (true) {
                List<E> next = queue.take();
                if (next == end) {
                    return;
                }
                next.forEach(consumer);
            }
        }
        catch (InterruptedException e) {
            failure = new IllegalStateException("the ledger's writing was stopped", e);
        }
        catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void put(List<E> elements) {
        try {
            while (!queue.offer(elements, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
            rethrowFailure();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing the ledger on", e);
        }
    }

    private void join() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            }
            catch (InterruptedException e) {
                interrupted = true;
                thread.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        Throwable thrown = failure;
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
    }

}
