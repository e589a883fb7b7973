package cn.cdsw.tallybot.platform.onebot;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What arrives over any OneBot WebSocket, reverse or forward (docs/platforms.md §10): a
 * frame with {@code post_type} is an event and joins the webhook's path at
 * {@link OneBotInbound#handle}; a frame with an {@code echo} and no {@code post_type} is
 * the answer to one of our actions and goes to its connection. The sender was proven at
 * the handshake, so events carry no signature.
 *
 * <p>
 * Events are handled on a pool of their own, not on the thread that reads the socket:
 * handling waits for the database commit, and the answers to our actions must not queue
 * behind it. The pool has as many threads as the webhook may use for the same work at
 * once, so group commit can fill its batches; when all are busy, events wait in a bounded
 * queue ({@link #WAITING_EVENTS}), and only when that is full does the reading thread
 * handle an event itself, which slows the implementation down instead of piling events up
 * in memory. (Without the queue a burst of a thousand reports kept the reading thread
 * busy handling, and the answers to the replies already sent waited behind it: a group's
 * first reply took 1.2 s.)
 */
final class OneBotWsInbound implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OneBotWsInbound.class);

    static final int HANDLER_THREADS = 64;

    /**
     * Events waiting for a handler thread. Only when this is full does the socket's own
     * thread run an event itself (and stop reading meanwhile): a burst must not hold up
     * the answers to the bot's own API calls, which arrive on the same socket behind it.
     */
    static final int WAITING_EVENTS = 10_000;

    private final OneBotInbound inbound;

    private final OneBotConnections connections;

    private final OneBotReplies replies;

    private final int maxFrameChars;

    private final ThreadPoolExecutor handlers;

    private final PerSenderOrder order;

    OneBotWsInbound(OneBotInbound inbound, OneBotConnections connections, OneBotReplies replies, int maxFrameChars) {
        this.inbound = inbound;
        this.connections = connections;
        this.replies = replies;
        this.maxFrameChars = maxFrameChars;
        AtomicInteger threads = new AtomicInteger();
        this.handlers = new ThreadPoolExecutor(HANDLER_THREADS, HANDLER_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(WAITING_EVENTS), runnable -> {
                    Thread thread = new Thread(runnable, "onebot-ws-events-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.handlers.allowCoreThreadTimeOut(true);
        this.order = new PerSenderOrder(handlers);
    }

    void opened(OneBotWsConnection connection) {
        connections.opened(connection);
    }

    void closed(OneBotWsConnection connection) {
        connections.closed(connection);
    }

    /** One text frame from {@code connection}. */
    void frame(OneBotWsConnection connection, String text) {
        long receivedNanos = System.nanoTime();
        if (text.length() > maxFrameChars) {
            log.debug("OneBot {} WebSocket frame dropped: longer than {} characters", connection.transport(),
                    maxFrameChars);
            return;
        }
        JsonNode frame = read(text);
        if (frame == null || !frame.isObject()) {
            log.debug("OneBot {} WebSocket frame dropped: not a JSON object", connection.transport());
            return;
        }
        if (frame.has("post_type")) {
            onEvent(connection, frame, receivedNanos);
        }
        else if (frame.has("echo")) {
            onAnswer(connection, frame);
        }
        else {
            log.debug("OneBot {} WebSocket frame dropped: neither an event nor an answer", connection.transport());
        }
    }

    private void onEvent(OneBotWsConnection connection, JsonNode frame, long receivedNanos) {
        OneBotEvent event = convert(frame, OneBotEvent.class);
        if (event == null) {
            log.debug("OneBot {} WebSocket event dropped: fields of the wrong type", connection.transport());
            return;
        }
        connection.learnSelfId(event.selfId());
        // before handling, so that the reply leaves through the account that got the
        // message
        if ("message".equals(event.postType()) && event.selfId() != null) {
            if ("private".equals(event.messageType()) && event.userId() != null) {
                connections.seenPrivate(event.userId(), event.selfId());
            }
            else if ("group".equals(event.messageType()) && event.groupId() != null) {
                connections.seen(event.groupId(), event.selfId());
            }
        }
        try {
            if (event.userId() != null) {
                String conversation = event.groupId() != null ? "group:" + event.groupId()
                        : "private:" + event.userId();
                order.execute(new PerSenderOrder.Key(conversation, event.userId()), () -> handle(event, receivedNanos));
            }
            else {
                handlers.execute(() -> handle(event, receivedNanos));
            }
        }
        catch (RejectedExecutionException shuttingDown) {
            log.debug("OneBot WebSocket event dropped: shutting down");
        }
    }

    private void handle(OneBotEvent event, long receivedNanos) {
        try {
            OneBotOutcome outcome = inbound.handle(event, receivedNanos, replies, OneBotAnswers.Transport.WEBSOCKET);
            if (outcome instanceof OneBotOutcome.Refused refused) {
                log.debug("OneBot WebSocket event refused: {}", refused.detail());
            }
        }
        catch (RuntimeException bug) {
            // the implementation will not send this event again: say so, with what to do
            log.error("OneBot WebSocket event of type {} could not be handled and is lost; the stack trace shows "
                    + "where, the member may send the message again", event.postType(), bug);
        }
    }

    private void onAnswer(OneBotWsConnection connection, JsonNode frame) {
        OneBotApiResponse answer = convert(frame, OneBotApiResponse.class);
        if (answer == null || !connection.answered(answer)) {
            log.debug("OneBot {} WebSocket answer dropped: no call waits for its echo", connection.transport());
        }
    }

    private static @Nullable JsonNode read(String text) {
        try {
            return OneBotJson.MAPPER.readTree(text);
        }
        catch (JacksonException notJson) {
            return null;
        }
    }

    private static <T> @Nullable T convert(JsonNode frame, Class<T> type) {
        try {
            return OneBotJson.MAPPER.treeToValue(frame, type);
        }
        catch (JacksonException wrongTypes) {
            return null;
        }
    }

    /** Lets events being handled finish, within a short grace period. */
    @Override
    public void close() throws InterruptedException {
        handlers.shutdown();
        if (!handlers.awaitTermination(10, TimeUnit.SECONDS)) {
            handlers.shutdownNow();
        }
    }

}
