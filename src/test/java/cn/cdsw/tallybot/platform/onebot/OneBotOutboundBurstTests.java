package cn.cdsw.tallybot.platform.onebot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.coordination.SendPace;
import cn.cdsw.tallybot.coordination.local.LocalSendPacer;
import cn.cdsw.tallybot.outbound.Conversation;
import cn.cdsw.tallybot.outbound.OutboundFixtures;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.outbound.Outgoing;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.Reply;

/**
 * A burst of replies to many groups through the outbound queues and the real
 * {@link OneBotSender}, against a MockWebServer as the OneBot API: each group's pace
 * holds up only that group. The bound is on scheduling order, not speed: every group's
 * first reply reaches the API before any group's second, which its pace holds back.
 */
class OneBotOutboundBurstTests {

    private static final int GROUPS = 23;

    private static final int REPORTS = 50;

    private static final Duration PACE = Duration.ofMillis(400);

    private static final Pattern SENT = Pattern.compile("\"group_id\":(\\d+).*\"text\":\"reply (\\d+)\"");

    @StartStop
    private final MockWebServer api = new MockWebServer();

    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();

    record Arrival(String groupId, int n, long nanos) {
    }

    @Test
    void everyGroupsFirstReplyGoesOutBeforeAnyGroupsSecondAndNoneIsLostOrReordered() throws Exception {
        api.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Matcher sent = SENT.matcher(request.getBody().utf8());
                if (sent.find()) {
                    arrivals.add(new Arrival(sent.group(1), Integer.parseInt(sent.group(2)), System.nanoTime()));
                }
                return new MockResponse.Builder().code(200)
                    .body("{\"status\":\"ok\",\"retcode\":0,\"data\":{\"message_id\":1}}")
                    .build();
            }
        });
        OneBotSender sender = new OneBotSender(new OkHttpClient(), api.url("/").uri(), "token");
        LocalSendPacer pacer = new LocalSendPacer(Clock.systemUTC(),
                new SendPace(Map.of("onebot", List.of(new SendPace.Rate(1, PACE))), SendPace.parse("20/1m")));
        List<Numbered> burst = new ArrayList<>();
        for (int n = 0; n < REPORTS; n++) {
            for (int g = 0; g < GROUPS; g++) {
                burst.add(new Numbered(new GroupRef("onebot", Long.toString(639921600L + g)), n));
            }
        }

        // the first call of a fresh client loads classes and opens a connection: not what
        // this test is about
        sender.send(new GroupRef("onebot", "1"), Reply.text("warm-up"));
        long start = System.nanoTime();
        try (OutboundService outbound = OutboundFixtures.pooled(List.of(sender), pacer, 4, Clock.systemUTC(),
                new SimpleMeterRegistry())) {
            burst.forEach(outbound::submit);

            await().atMost(Duration.ofMinutes(2)).until(() -> arrivals.size() >= GROUPS * REPORTS);
        }

        Map<String, List<Arrival>> byGroup = arrivals.stream()
            .collect(Collectors.groupingBy(Arrival::groupId, Collectors.toList()));
        assertThat(byGroup).hasSize(GROUPS);
        byGroup.values()
            .forEach(replies -> assertThat(replies).extracting(Arrival::n)
                .as("every reply once, in the order of the reports")
                .containsExactlyElementsOf(IntStream.range(0, REPORTS).boxed().toList()));
        long lastFirst = byGroup.values().stream().mapToLong(replies -> replies.get(0).nanos()).max().orElseThrow();
        long earliestSecond = byGroup.values()
            .stream()
            .mapToLong(replies -> replies.get(1).nanos())
            .min()
            .orElseThrow();
        assertThat(lastFirst).as("no group's first reply waits behind another group's pace").isLessThan(earliestSecond);
        assertThat(Duration.ofNanos(lastFirst - start)).as("a generous bound for a loaded machine")
            .isLessThan(Duration.ofSeconds(10));
        assertThat(api.getRequestCount()).isEqualTo(GROUPS * REPORTS + 1);
    }

    /** Reply {@code n} of a burst to one group, kept nowhere but in memory. */
    private record Numbered(GroupRef group, int n) implements Outgoing {

        @Override
        public Conversation to() {
            return Conversation.of(group);
        }

        @Override
        public Instant createdAt() {
            return Instant.EPOCH;
        }

        @Override
        public Instant expiresAt() {
            return Instant.MAX;
        }

        @Override
        public Optional<Reply> render(Instant now) {
            return Optional.of(Reply.text("reply " + n));
        }

        @Override
        public boolean claim(Instant now) {
            return true;
        }

        @Override
        public void sent(Instant now) {
        }

        @Override
        public Optional<Instant> failed(String error, boolean retryable, int attempt, Instant now) {
            return Optional.empty();
        }

        @Override
        public void dropped(String reason, Instant now) {
        }

        @Override
        public String describe() {
            return "reply " + n + " to " + group.groupId();
        }

    }

}
