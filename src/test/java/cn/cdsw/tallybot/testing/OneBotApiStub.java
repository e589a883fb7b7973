package cn.cdsw.tallybot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A OneBot HTTP API on MockWebServer that answers by the test clock: 503 while
 * {@link #failWhile} holds, else the {@code ok} envelope. It counts attempts and accepted
 * posts per group, so a test can say "one post per group".
 */
public final class OneBotApiStub extends Dispatcher implements AutoCloseable {

    public static final String TOKEN = "summary-test-token";

    private static final Pattern GROUP_ID = Pattern.compile("\"group_id\":\"?(\\w+)\"?");

    public record Call(String groupId, String authorization, String body, boolean accepted) {
    }

    private final MockWebServer server = new MockWebServer();

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();

    private volatile Supplier<Instant> clock = () -> Instant.EPOCH;

    private volatile Predicate<Instant> failWhile = now -> false;

    public OneBotApiStub() {
        server.setDispatcher(this);
        try {
            server.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return server.url("/").toString();
    }

    /**
     * Forgets earlier calls and answers 200 again; {@code clock} is what the failure rule
     * reads.
     */
    public void reset(Supplier<Instant> clock) {
        this.clock = clock;
        this.failWhile = now -> false;
        calls.clear();
        accepted.clear();
    }

    public void failWhile(Predicate<Instant> rule) {
        this.failWhile = rule;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public long attempts(String groupId) {
        return calls.stream().filter(c -> c.groupId().equals(groupId)).count();
    }

    public int accepted(String groupId) {
        AtomicInteger count = accepted.get(groupId);
        return count == null ? 0 : count.get();
    }

    /** Accepted posts per group, for every group that got one. */
    public Map<String, Integer> acceptedPerGroup() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        accepted.forEach((group, count) -> counts.put(group, count.get()));
        return counts;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!"/send_group_msg".equals(request.getUrl().encodedPath())) {
            return new MockResponse.Builder().code(404).build();
        }
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Matcher group = GROUP_ID.matcher(body);
        String groupId = group.find() ? group.group(1) : "?";
        String authorization = String.valueOf(request.getHeaders().get("Authorization"));
        if (failWhile.test(clock.get())) {
            calls.add(new Call(groupId, authorization, body, false));
            return new MockResponse.Builder().code(503).body("Service Unavailable").build();
        }
        calls.add(new Call(groupId, authorization, body, true));
        accepted.computeIfAbsent(groupId, id -> new AtomicInteger()).incrementAndGet();
        return new MockResponse.Builder().code(200)
            .body("{\"status\":\"ok\",\"retcode\":0,\"data\":{\"message_id\":" + calls.size() + "}}")
            .build();
    }

    @Override
    public void close() {
        server.close();
    }

}
