package cn.cdsw.tallybot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A OneBot HTTP API on MockWebServer that accepts every {@code send_group_msg} and counts them per group. */
final class OneBotApiCounter extends Dispatcher implements AutoCloseable {

    private static final Pattern GROUP_ID = Pattern.compile("\"group_id\":\"?(\\w+)\"?");

    private final MockWebServer server = new MockWebServer();
    private final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();

    OneBotApiCounter() {
        server.setDispatcher(this);
        try {
            server.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return server.url("/").toString();
    }

    Map<String, Integer> postsPerGroup() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        posts.forEach((group, count) -> counts.put(group, count.get()));
        return counts;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Matcher group = GROUP_ID.matcher(body);
        posts.computeIfAbsent(group.find() ? group.group(1) : "?", g -> new AtomicInteger()).incrementAndGet();
        return new MockResponse.Builder().code(200)
                .body("{\"status\":\"ok\",\"retcode\":0,\"data\":{\"message_id\":1}}").build();
    }

    @Override
    public void close() {
        server.close();
    }
}
