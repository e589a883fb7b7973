package cn.cdsw.tallybot.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.platform.SendPacer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The outbound side's entry point: one FIFO queue per {@link Conversation}, drained on a
 * small pool of scheduled sender threads. A queue's head reserves its send slot from the
 * {@link SendPacer} (shared with the other replicas) and is scheduled for that instant
 * instead of a thread sleeping for it, so no conversation's pace holds up another's
 * sends, and a queue runs one message at a time, so each conversation's messages keep
 * their order. A failed send stays at the head of its queue until its owner's retry time,
 * or is given up; a message past its expiry is dropped with one WARN. This is the one
 * place that loops on a failed send (docs/platforms.md §7).
 */
public class OutboundService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboundService.class);

    private static final int MAX_ERROR_TEXT = 500;

    private final Map<String, ChatSender> senders;

    private final SendPacer pacer;

    private final Scheduler scheduler;

    private final Clock clock;

    private final OutboundMetrics metrics;

    private final ConcurrentHashMap<Conversation, Lane> lanes = new ConcurrentHashMap<>();

    OutboundService(List<ChatSender> senders, SendPacer pacer, Scheduler scheduler, Clock clock,
            OutboundMetrics metrics) {
        this.senders = senders.stream()
            .collect(Collectors.toUnmodifiableMap(ChatSender::platform, Function.identity()));
        this.pacer = pacer;
        this.scheduler = scheduler;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** True when there is a sender for {@code platform}. */
    public boolean serves(String platform) {
        return senders.containsKey(platform);
    }

    /** Queues {@code message} behind its conversation's earlier messages. */
    public void submit(Outgoing message) {
        Lane lane = lanes.computeIfAbsent(message.to(), Lane::new);
        if (lane.add(message)) {
            schedule(lane, Duration.ZERO);
        }
    }

    /** Messages queued and not yet sent or given up, in all conversations. */
    public int backlog() {
        return lanes.values().stream().mapToInt(Lane::size).sum();
    }

    private void schedule(Lane lane, Duration delay) {
        try {
            scheduler.schedule(() -> run(lane), delay.isNegative() ? Duration.ZERO : delay);
        }
        catch (RejectedExecutionException shuttingDown) {
            // the durable copy stays pending; whoever starts next resumes it
            log.debug("Outbound queue of {} left for the next start: shutting down", lane.to);
        }
    }

    /**
     * One step of a queue, on a sender thread: reserve the head's slot and come back at
     * it, or send the head; then schedule the next step, or stop when the queue is empty.
     */
    private void run(Lane lane) {
        try {
            Optional<Duration> next = step(lane);
            if (next.isPresent()) {
                schedule(lane, next.get());
            }
        }
        catch (RuntimeException e) {
            // a broken owner callback must not stop the queue: the head is left for its
            // retry, the queue goes on
            log.error("Outbound queue of {} failed a step; trying again in a minute", lane.to, e);
            schedule(lane, Duration.ofMinutes(1));
        }
    }

    /** When to run the next step of {@code lane}; empty when it has gone idle. */
    private Optional<Duration> step(Lane lane) {
        Outgoing head = lane.head();
        if (head == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(head.expiresAt())) {
            drop(lane, head, "expired", now);
            return Optional.of(Duration.ZERO);
        }
        if (lane.retryAt != null) {
            long left = lane.retryAt - System.nanoTime();
            if (left > 0) {
                return Optional.of(Duration.ofNanos(left));
            }
        }
        if (!lane.slotReserved) {
            Duration wait = lane.to.kind() == Conversation.Kind.PRIVATE ? pacer.reserve(lane.to.user())
                    : pacer.reserve(lane.to.group());
            lane.slotReserved = true;
            if (!wait.isNegative() && !wait.isZero()) {
                return Optional.of(wait);
            }
        }
        lane.slotReserved = false;
        Optional<Reply> reply = head.render(now);
        if (reply.isEmpty()) {
            drop(lane, head, "stale", now);
            return Optional.of(Duration.ZERO);
        }
        if (!head.claim(now)) {
            log.debug("Outbound {} is no longer ours to send", head.describe());
            lane.pop();
            metrics.count(OutboundMetrics.Outcome.SUPERSEDED);
            return Optional.of(Duration.ZERO);
        }
        Map<String, String> context = head.logContext();
        context.forEach(MDC::put);
        try {
            send(lane, head, reply.get());
        }
        finally {
            context.keySet().forEach(MDC::remove);
        }
        return Optional.of(Duration.ZERO);
    }

    private void send(Lane lane, Outgoing head, Reply reply) {
        ChatSender sender = senders.get(lane.to.platform());
        int attempt = ++lane.attempts;
        String error;
        boolean retryable;
        try {
            if (sender == null) {
                throw new IllegalStateException("no sender for platform " + lane.to.platform());
            }
            if (lane.to.kind() == Conversation.Kind.PRIVATE) {
                sender.sendPrivate(lane.to.user(), reply);
            }
            else {
                sender.send(lane.to.group(), reply);
            }
            Instant sentAt = clock.instant();
            metrics.sent(head.createdAt(), sentAt);
            // popped after its owner recorded the outcome, so an empty backlog means
            // every outcome is recorded; popped even if that fails, so it is never resent
            try {
                head.sent(sentAt);
            }
            finally {
                lane.pop();
            }
            return;
        }
        catch (PlatformCallException e) {
            error = e.platform() + " " + e.errorCode() + ": " + e.getMessage();
            retryable = e.retryable();
        }
        catch (RuntimeException e) {
            // refused before the call (text too long, no sender): the same every time
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            retryable = false;
        }
        error = error.length() > MAX_ERROR_TEXT ? error.substring(0, MAX_ERROR_TEXT) + "…" : error;
        Instant now = clock.instant();
        Optional<Instant> retryAt = head.failed(error, retryable, attempt, now);
        if (retryAt.isPresent()) {
            // the pause runs on the monotonic clock: the clock that dates messages may be
            // set back or stand still (a test's fixed clock), and a retry must still come
            lane.retryAt = System.nanoTime() + Duration.between(now, retryAt.get()).toNanos();
            metrics.count(OutboundMetrics.Outcome.RETRIED);
            log.info("Outbound {} attempt {} failed, next try at {}: {}", head.describe(), attempt, retryAt.get(),
                    error);
        }
        else {
            // the owner said why in its own words (a summary goes back to its schedule)
            lane.pop();
            metrics.count(OutboundMetrics.Outcome.FAILED);
            log.debug("Outbound {} leaves the queue after {} attempt(s): {}", head.describe(), attempt, error);
        }
    }

    private void drop(Lane lane, Outgoing head, String reason, Instant now) {
        try {
            head.dropped(reason, now);
        }
        finally {
            lane.pop();
        }
        if ("stale".equals(reason)) {
            metrics.count(OutboundMetrics.Outcome.STALE);
            log.info("Outbound {} not sent: stale by the time its slot came", head.describe());
        }
        else {
            metrics.count(OutboundMetrics.Outcome.EXPIRED);
            log.warn("Outbound {} not sent: older than it matters (since {})", head.describe(), head.expiresAt());
        }
    }

    /**
     * Stops the senders. Whatever is still queued stays pending where it is durable and
     * is resumed by the next start or another replica.
     */
    @Override
    public void close() throws InterruptedException {
        scheduler.close();
    }

    /**
     * Runs a queue's next step after a delay; a pool of sender threads in production, the
     * calling thread in tests that need no pacing.
     */
    interface Scheduler extends AutoCloseable {

        void schedule(Runnable task, Duration delay);

        @Override
        void close() throws InterruptedException;

        /** {@code threads} daemon sender threads. */
        static Scheduler pool(int threads) {
            AtomicInteger count = new AtomicInteger();
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, runnable -> {
                Thread thread = new Thread(runnable, "outbound-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            return new Scheduler() {
                @Override
                public void schedule(Runnable task, Duration delay) {
                    executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                }

                @Override
                public void close() throws InterruptedException {
                    executor.shutdownNow();
                    executor.awaitTermination(10, TimeUnit.SECONDS);
                }
            };
        }

    }

    /**
     * One conversation's queue and the state of its head. {@code busy} is true from the
     * first message until the queue runs dry, so exactly one step of a queue is scheduled
     * at a time; the fields of the head are only touched by that step.
     */
    private final class Lane {

        private final Conversation to;

        private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();

        private boolean busy;

        private boolean slotReserved;

        private int attempts;

        /** {@link System#nanoTime()} before which the head is not tried again. */
        private @Nullable Long retryAt;

        Lane(Conversation to) {
            this.to = to;
        }

        /** Adds at the tail; true when the queue was idle and needs a step scheduled. */
        synchronized boolean add(Outgoing message) {
            queue.addLast(message);
            metrics.backlog(1);
            if (busy) {
                return false;
            }
            busy = true;
            return true;
        }

        /** The head, or null (and idle from now on) when the queue is empty. */
        synchronized @Nullable Outgoing head() {
            Outgoing head = queue.peekFirst();
            if (head == null) {
                busy = false;
            }
            return head;
        }

        synchronized void pop() {
            queue.pollFirst();
            metrics.backlog(-1);
            attempts = 0;
            retryAt = null;
        }

        synchronized int size() {
            return queue.size();
        }

    }

}
