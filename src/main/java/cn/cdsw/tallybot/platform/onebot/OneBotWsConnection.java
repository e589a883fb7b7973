package cn.cdsw.tallybot.platform.onebot;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import cn.cdsw.tallybot.platform.PlatformCallException;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * One open WebSocket to a OneBot implementation, reverse (it dialled us) or forward (we
 * dialled it), and the actions called over it (docs/platforms.md §10). A call is a frame
 * {@code {"action","params","echo"}}; the implementation answers with the envelope and
 * the same {@code echo}, which is how the answer finds its caller among calls in flight.
 * A call with no answer within the timeout, or whose connection closes first, fails as
 * retryable, like an HTTP call that timed out: the caller decides.
 */
final class OneBotWsConnection implements OneBotActions {

    /** Where the frames go: a Spring session or an OkHttp WebSocket. */
    interface Wire {

        /**
         * Queues a text frame; false when the connection is closed or its buffer full.
         */
        boolean send(String frame);

    }

    /** Echoes unique within this process; only our own answers are matched. */
    private static final AtomicLong ECHOES = new AtomicLong();

    private final String transport;

    private final Wire wire;

    private final Duration timeout;

    private final boolean callsActions;

    private final Map<String, CompletableFuture<OneBotApiResponse>> pending = new ConcurrentHashMap<>();

    private volatile @Nullable String selfId;

    private volatile boolean open = true;

    /**
     * @param transport {@code reverse} or {@code forward}, for log lines
     * @param callsActions false for the event-only half of a split reverse connection,
     * which never answers calls
     * @param selfId the account, from {@code X-Self-ID}; learnt from the first event when
     * unknown
     */
    OneBotWsConnection(String transport, Wire wire, Duration timeout, boolean callsActions, @Nullable String selfId) {
        this.transport = transport;
        this.wire = wire;
        this.timeout = timeout;
        this.callsActions = callsActions;
        this.selfId = selfId;
    }

    String transport() {
        return transport;
    }

    boolean callsActions() {
        return callsActions;
    }

    boolean isOpen() {
        return open;
    }

    @Nullable String selfId() {
        return selfId;
    }

    /** Takes the account from an event when the handshake did not name it. */
    void learnSelfId(@Nullable String eventSelfId) {
        if (selfId == null && eventSelfId != null) {
            selfId = eventSelfId;
        }
    }

    @Override
    public void call(String action, Object params) {
        if (!open) {
            throw closedBefore(action);
        }
        String echo = "tallybot-" + ECHOES.incrementAndGet();
        CompletableFuture<OneBotApiResponse> answer = new CompletableFuture<>();
        pending.put(echo, answer);
        try {
            String frame = OneBotJson.MAPPER.writeValueAsString(new ActionFrame(action, params, echo));
            if (!open || !wire.send(frame)) {
                throw closedBefore(action);
            }
            answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS).check(action, 0);
        }
        catch (TimeoutException e) {
            throw new PlatformCallException(OneBotEventMapper.PLATFORM, 0, "timeout", true,
                    action + " got no answer over the " + transport + " WebSocket within " + timeout, e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof PlatformCallException failure) {
                throw failure;
            }
            throw new IllegalStateException("answers complete only with PlatformCallException", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformCallException(OneBotEventMapper.PLATFORM, 0, "interrupted", true,
                    action + " interrupted while waiting for its answer", e);
        }
        finally {
            pending.remove(echo);
        }
    }

    /**
     * Hands an answer to the call waiting for its echo; false when none waits (an answer
     * after the timeout, or to somebody else's call).
     */
    boolean answered(OneBotApiResponse response) {
        String echo = response.echo();
        CompletableFuture<OneBotApiResponse> answer = echo == null ? null : pending.get(echo);
        return answer != null && answer.complete(response);
    }

    /** Fails every call still waiting: its answer can no longer arrive. */
    void closed() {
        open = false;
        pending.values()
            .forEach(answer -> answer.completeExceptionally(new PlatformCallException(OneBotEventMapper.PLATFORM, 0,
                    "closed", true, "the " + transport + " WebSocket closed before the answer arrived")));
    }

    private PlatformCallException closedBefore(String action) {
        return new PlatformCallException(OneBotEventMapper.PLATFORM, 0, "closed", true,
                action + " not sent: the " + transport + " WebSocket is closed");
    }

    @JsonPropertyOrder({ "action", "params", "echo" })
    record ActionFrame(@JsonProperty("action") String action, @JsonProperty("params") Object params,
            @JsonProperty("echo") String echo) {
    }

}
