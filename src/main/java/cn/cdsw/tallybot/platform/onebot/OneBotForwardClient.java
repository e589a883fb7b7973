package cn.cdsw.tallybot.platform.onebot;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forward WebSocket: the bot dials the implementation's WebSocket server
 * ({@code ws-url}, e.g. NapCat's universal endpoint on port 3001) with the access token,
 * and every frame goes to {@link OneBotWsInbound} (docs/platforms.md §10). When the
 * connection is lost or cannot be made, it dials again after a {@link ReconnectBackoff}
 * pause, for as long as the bot runs. One WARN line when an outage begins and one INFO
 * line when it ends, never one per attempt. Pings every {@value #PING_SECONDS} s find a
 * connection that died without a close.
 */
final class OneBotForwardClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OneBotForwardClient.class);

    static final int PING_SECONDS = 30;

    private final OkHttpClient client;

    private final Request request;

    private final @Nullable String loggedUrl;

    private final OneBotWsInbound inbound;

    private final Duration actionTimeout;

    private final ReconnectBackoff backoff;

    private final ScheduledExecutorService scheduler;

    /** Guarded by this: failed attempts since the last open connection. */
    private int failures;

    /**
     * Guarded by this: when the outage began ({@link System#nanoTime()}), if one is on.
     */
    private @Nullable Long downSince;

    private volatile boolean closed;

    private volatile @Nullable WebSocket current;

    OneBotForwardClient(OkHttpClient sharedClient, URI url, @Nullable String accessToken, OneBotWsInbound inbound,
            Duration actionTimeout, ReconnectBackoff backoff) {
        this.client = sharedClient.newBuilder().pingInterval(Duration.ofSeconds(PING_SECONDS)).build();
        Request.Builder builder = new Request.Builder().url(url.toString());
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        this.request = builder.build();
        this.loggedUrl = OneBotProperties.withoutQuery(url);
        this.inbound = inbound;
        this.actionTimeout = actionTimeout;
        this.backoff = backoff;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "onebot-ws-forward");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Dials for the first time; called once the application context is up. */
    void start() {
        dial();
    }

    private void dial() {
        if (!closed) {
            current = client.newWebSocket(request, new Listener());
        }
    }

    private synchronized void opened() {
        Long since = downSince;
        if (since != null) {
            log.info("OneBot WebSocket {} connected again after {} failed attempts and {} s", loggedUrl, failures,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since));
        }
        else {
            log.info("OneBot WebSocket {} connected", loggedUrl);
        }
        failures = 0;
        downSince = null;
    }

    private synchronized void lost(String reason) {
        if (closed) {
            return;
        }
        if (downSince == null) {
            downSince = System.nanoTime();
            log.warn("OneBot WebSocket {} {}; dialling again with backoff up to {} s, no events arrive meanwhile",
                    loggedUrl, reason, backoff.max().toSeconds());
        }
        failures++;
        Duration pause = backoff.delay(failures, ThreadLocalRandom.current());
        scheduler.schedule(this::dial, pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        WebSocket socket = current;
        if (socket != null) {
            socket.close(1001, "tallybot stopping");
        }
    }

    /** One attempt and, if it opens, its connection; it reports its end exactly once. */
    private final class Listener extends WebSocketListener {

        private final AtomicBoolean ended = new AtomicBoolean();

        private @Nullable OneBotWsConnection connection;

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            OneBotWsConnection opened = new OneBotWsConnection("forward", webSocket::send, actionTimeout, true,
                    response.header("X-Self-ID"));
            connection = opened;
            inbound.opened(opened);
            opened();
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            OneBotWsConnection open = connection;
            if (open != null) {
                inbound.frame(open, text);
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            end("was closed by the implementation (" + code + ")");
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            end("was closed (" + code + ")");
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable failure, @Nullable Response response) {
            end(response != null ? "refused the connection with HTTP " + response.code()
                    : "is unreachable: " + failure.getClass().getSimpleName() + " " + failure.getMessage());
        }

        private void end(String reason) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            OneBotWsConnection open = connection;
            if (open != null) {
                inbound.closed(open);
            }
            lost(open != null ? "lost: it " + reason : reason);
        }

    }

}
