package cn.cdsw.tallybot.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One side of a OneBot implementation's WebSocket, as NapCat speaks it: it sends events
 * as text frames and answers every action frame with {@code {"status":"ok","retcode":0,
 * "data":{"message_id":…},"echo":…}}, unless told to stay silent. Serves as the client of
 * a reverse connection (an OkHttp WebSocket dialling the bot) and as the server side of a
 * forward one (a MockWebServer upgrade).
 */
public final class FakeOneBot extends WebSocketListener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final AtomicLong MESSAGE_IDS = new AtomicLong(1_000_000);

    private final BlockingQueue<JsonNode> actions = new LinkedBlockingQueue<>();

    private final CountDownLatch opened = new CountDownLatch(1);

    private final CountDownLatch ended = new CountDownLatch(1);

    private final AtomicInteger refusedWith = new AtomicInteger();

    private volatile boolean answering = true;

    private volatile @Nullable WebSocket socket;

    /** Stops answering actions, as an implementation that hangs would. */
    public FakeOneBot silent() {
        answering = false;
        return this;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        socket = webSocket;
        opened.countDown();
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        JsonNode action = JSON.readTree(text);
        // answered before the test can see the action, so a drop that follows cannot
        // overtake the answer
        if (answering) {
            webSocket.send("{\"status\":\"ok\",\"retcode\":0,\"data\":{\"message_id\":" + MESSAGE_IDS.incrementAndGet()
                    + "},\"echo\":" + JSON.writeValueAsString(action.get("echo")) + "}");
        }
        actions.add(action);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
        ended.countDown();
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        ended.countDown();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, @Nullable Response response) {
        if (response != null) {
            refusedWith.set(response.code());
        }
        opened.countDown();
        ended.countDown();
    }

    /** Waits until the connection is open (or refused), at most 10 s. */
    public FakeOneBot awaitOpen() throws InterruptedException {
        if (!opened.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the WebSocket did not open within 10 s");
        }
        return this;
    }

    /** Whether the connection ended, waiting at most 10 s. */
    public boolean awaitEnd() throws InterruptedException {
        return ended.await(10, TimeUnit.SECONDS);
    }

    /** The HTTP status the handshake was refused with, 0 when it was not. */
    public int refusedWith() {
        return refusedWith.get();
    }

    public boolean isOpen() {
        return socket != null && ended.getCount() > 0 && refusedWith.get() == 0;
    }

    /** Sends one event frame. */
    public void send(byte[] event) {
        WebSocket open = socket;
        if (open == null || !open.send(new String(event, StandardCharsets.UTF_8))) {
            throw new AssertionError("the WebSocket is not open");
        }
    }

    /** Closes the connection as an implementation that restarts would. */
    public void drop() {
        WebSocket open = socket;
        if (open != null) {
            open.close(1001, "restarting");
        }
    }

    /** The next action frame the bot sent, waiting at most 10 s. */
    public JsonNode nextAction() throws InterruptedException {
        JsonNode action = actions.poll(10, TimeUnit.SECONDS);
        if (action == null) {
            throw new AssertionError("no action frame within 10 s");
        }
        return action;
    }

    /**
     * The next action frame whose text contains {@code wanted}, passing over others: a
     * reply that an earlier connection could not take is delivered late, over the next
     * one, and may come first. {@code passed} collects the texts passed over.
     */
    public JsonNode actionContaining(String wanted, List<String> passed) throws InterruptedException {
        while (true) {
            JsonNode action = nextAction();
            String text = text(action);
            if (text.contains(wanted)) {
                return action;
            }
            passed.add(text);
        }
    }

    /** The text of a {@code send_group_msg} action's first segment. */
    public static String text(JsonNode action) {
        // a reply quotes the message it answers first: the text is the first text segment
        for (JsonNode segment : action.get("params").get("message")) {
            if ("text".equals(segment.get("type").asString())) {
                return segment.get("data").get("text").asString();
            }
        }
        throw new AssertionError("no text segment in " + action);
    }

}
