package cn.cdsw.tallybot.platform.dingtalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * DingTalk's API on one MockWebServer: the access token ({@code token-1},
 * {@code token-2}, … each valid {@link #expireIn} seconds), the robot group-send API,
 * media upload and session webhooks
 * ({@code /robot/sendBySession?session=<conversation id>}). It records every message that
 * reached a group and can refuse the next group sends.
 */
final class FakeDingTalk extends Dispatcher implements AutoCloseable {

    /** One message as the group would see it. */
    record Sent(String conversationId, String via, String kind, String content, String token) {
    }

    /** A session id whose webhook answers as an ended session does. */
    static final String ENDED_SESSION = "ended";

    private final MockWebServer server = new MockWebServer();

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    private final List<byte[]> uploads = new CopyOnWriteArrayList<>();

    private final AtomicInteger tokenCalls = new AtomicInteger();

    private final AtomicInteger groupSends = new AtomicInteger();

    private volatile int failingGroupSend;

    volatile long expireIn = 7200;

    volatile String appSecret = DingTalkVerifierTests.SECRET;

    FakeDingTalk() {
        server.setDispatcher(this);
        try {
            server.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return server.url("/").uri();
    }

    /** A session webhook of the conversation, as a callback carries it. */
    String sessionWebhook(String conversationId) {
        return server.url("/robot/sendBySession").newBuilder().addQueryParameter("session", conversationId).toString();
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    List<Sent> sentTo(String conversationId) {
        return sent.stream().filter(s -> s.conversationId().equals(conversationId)).toList();
    }

    int tokenCalls() {
        return tokenCalls.get();
    }

    List<byte[]> uploads() {
        return List.copyOf(uploads);
    }

    /** The {@code nth} group send from now (1 is the next) answers 503. */
    void failGroupSend(int nth) {
        failingGroupSend = groupSends.get() + nth;
    }

    void reset() {
        sent.clear();
        uploads.clear();
        tokenCalls.set(0);
        failingGroupSend = 0;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        return switch (url.encodedPath()) {
            case "/v1.0/oauth2/accessToken" -> token(body);
            case "/v1.0/robot/groupMessages/send" -> groupSend(request, body);
            case "/media/upload" -> upload(request);
            case "/robot/sendBySession" -> session(url, body);
            default -> new MockResponse.Builder().code(404).build();
        };
    }

    private MockResponse token(String body) {
        JsonNode request = DingTalkJson.MAPPER.readTree(body);
        if (!appSecret.equals(request.path("appSecret").asString(""))) {
            return json(400, "{\"code\":\"invalidClientIdOrSecret\",\"message\":\"无效的clientId或者clientSecret\"}");
        }
        int n = tokenCalls.incrementAndGet();
        return json(200, "{\"accessToken\":\"token-" + n + "\",\"expireIn\":" + expireIn + "}");
    }

    private MockResponse groupSend(RecordedRequest request, String body) {
        String token = String.valueOf(request.getHeaders().get("x-acs-dingtalk-access-token"));
        if (!token.startsWith("token-")) {
            return json(401, "{\"code\":\"InvalidAuthentication\",\"message\":\"不合法的access_token\"}");
        }
        if (groupSends.incrementAndGet() == failingGroupSend) {
            return json(503, "{\"code\":\"ServiceUnavailable\",\"message\":\"busy\"}");
        }
        JsonNode send = DingTalkJson.MAPPER.readTree(body);
        JsonNode param = DingTalkJson.MAPPER.readTree(send.path("msgParam").asString());
        String msgKey = send.path("msgKey").asString();
        boolean image = "sampleImageMsg".equals(msgKey);
        sent.add(new Sent(send.path("openConversationId").asString(), "api:" + send.path("robotCode").asString(),
                image ? "image" : "text", image ? param.path("photoURL").asString() : param.path("content").asString(),
                token));
        return json(200, "{\"processQueryKey\":\"pqk-" + sent.size() + "\"}");
    }

    private MockResponse upload(RecordedRequest request) {
        String token = request.getUrl().queryParameter("access_token");
        if (token == null || !token.startsWith("token-")) {
            return json(200, "{\"errcode\":40014,\"errmsg\":\"不合法的access_token\"}");
        }
        byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        uploads.add(bytes);
        return json(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"type\":\"image\",\"media_id\":\"@lAmedia" + uploads.size()
                + "\",\"created_at\":1735689600000}");
    }

    private MockResponse session(HttpUrl url, String body) {
        if (ENDED_SESSION.equals(url.queryParameter("session"))) {
            return json(200, "{\"errcode\":300001,\"errmsg\":\"session expired\"}");
        }
        JsonNode message = DingTalkJson.MAPPER.readTree(body);
        sent.add(new Sent(String.valueOf(url.queryParameter("session")), "session", message.path("msgtype").asString(),
                message.path("text").path("content").asString(), ""));
        return json(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }

}
