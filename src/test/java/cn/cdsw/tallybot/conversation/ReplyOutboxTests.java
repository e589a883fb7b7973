package cn.cdsw.tallybot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.coordination.local.LocalDeduplicator;
import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.outbound.OutboundFixtures;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.platform.ChatKind;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.platform.SenderRole;
import cn.cdsw.tallybot.platform.UserRef;
import cn.cdsw.tallybot.report.SqliteTestDatabase;
import cn.cdsw.tallybot.storage.Ledger;
import cn.cdsw.tallybot.storage.StorageFixtures;
import cn.cdsw.tallybot.testing.LogCapture;

/**
 * API-mode replies are durable: recorded pending with the message, retried while the API
 * is down, sent once when it recovers, resumed by another replica (or the next start)
 * after a crash, and a rate-limit warning is worded for the moment it leaves.
 */
class ReplyOutboxTests {

    private static final Instant NOON = Instant.parse("2026-11-28T04:00:00Z");

    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture log = LogCapture.of(ReplyOutbox.class, OutboundService.class);

    private DataSource db;

    private Ledger ledger;

    private HandledMessageRepository handled;

    private final ScriptedApi api = new ScriptedApi();

    @BeforeEach
    void setUp() {
        db = SqliteTestDatabase.migrated(dir);
        ledger = StorageFixtures.ledger(db, new SimpleMeterRegistry());
        handled = new HandledMessageRepository(JdbcClient.create(db));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        ledger.destroy();
    }

    @Test
    void whileTheApiFailsRepliesWaitAndWhenItRecoversEachArrivesOnceInOrder() throws Exception {
        api.failures.set(6);
        ReplyLog replyLog;
        try (OutboundService outbound = OutboundFixtures.pooled(List.of(api), group -> Duration.ZERO, 2,
                Clock.systemUTC(), new SimpleMeterRegistry())) {
            replyLog = replyLog(ReplyOutboxes.outbox(handled, outbound, true,
                    ReplyOutboxes.properties(Duration.ofMinutes(1)), "replica-a", Clock.systemUTC()));
            for (int n = 0; n < 4; n++) {
                for (String group : List.of("639921629", "1418159967")) {
                    String text = "✅ 已记录 " + group + "#" + n;
                    assertThat(replyLog.once(message(group, "m" + n), () -> Optional.of(text))).contains(text);
                }
            }

            await().until(() -> api.delivered.size() == 8);
        }

        Map<String, List<String>> byGroup = api.delivered.stream()
            .collect(Collectors.groupingBy(sent -> sent.group().groupId(),
                    Collectors.mapping(sent -> sent.reply().text(), Collectors.toList())));
        assertThat(byGroup.get("639921629")).containsExactly("✅ 已记录 639921629#0", "✅ 已记录 639921629#1",
                "✅ 已记录 639921629#2", "✅ 已记录 639921629#3");
        assertThat(byGroup.get("1418159967")).hasSize(4);
        assertThat(api.delivered).allSatisfy(sent -> assertThat(sent.reply().quote()).isNotNull());
        assertThat(api.delivered.peek().reply().quote()).isEqualTo(new Reply.Quote("m0", "30001"));
        assertThat(handled.delivery("onebot", "639921629", "m3")).contains("sent");
        assertThat(handled.unheld(Instant.parse("2100-01-01T00:00:00Z"), 100)).isEmpty();
    }

    @Test
    void repliesAStoppedReplicaLeftPendingAreResumedOnceByAnother() {
        MutableClock clock = new MutableClock(NOON);
        api.failures.set(Integer.MAX_VALUE);
        // replica A records the replies, then "stops": its only attempts fail and it
        // never comes back to them
        ReplyOutbox stopped = ReplyOutboxes.outbox(handled,
                OutboundFixtures.inline(List.of(api), clock, new SimpleMeterRegistry()), true,
                ReplyOutboxes.properties(Duration.ofMinutes(1)), "replica-a", clock);
        ReplyLog replyLog = replyLog(stopped);
        replyLog.once(message("639921629", "m1"), () -> Optional.of("✅ 已记录 1"));
        replyLog.once(message("639921629", "m2"), () -> Optional.of("✅ 已记录 2"));
        ReplyOutbox other = ReplyOutboxes.outbox(handled,
                OutboundFixtures.inline(List.of(api), clock, new SimpleMeterRegistry()), true,
                ReplyOutboxes.properties(Duration.ofMinutes(1)), "replica-b", clock);
        api.failures.set(0);

        assertThat(other.resume()).as("A's lease still holds").isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(other.resume()).isEqualTo(2);
        assertThat(other.resume()).as("taken once").isZero();
        assertThat(stopped.resume()).as("and not taken back").isZero();

        assertThat(api.delivered).extracting(sent -> sent.reply().text()).containsExactly("✅ 已记录 1", "✅ 已记录 2");
        assertThat(handled.delivery("onebot", "639921629", "m2")).contains("sent");
        assertThat(log.lines(ch.qos.logback.classic.Level.INFO))
            .contains("Resumed 2 pending replies left by a stopped replica or an earlier start");
    }

    @Test
    void aPrivateReplyLeftPendingIsResumedToItsPrivateChatNotToTheGroupWithTheSameNumber() {
        MutableClock clock = new MutableClock(NOON);
        api.failures.set(Integer.MAX_VALUE);
        ReplyLog replyLog = replyLog(
                ReplyOutboxes.outbox(handled, OutboundFixtures.inline(List.of(api), clock, new SimpleMeterRegistry()),
                        true, ReplyOutboxes.properties(Duration.ofMinutes(1)), "replica-a", clock));
        ChatMessage inPrivate = ChatMessage.inPrivate("onebot", "639921629", "李四", "m1", "#我的", NOON);
        ChatMessage inGroup = new ChatMessage("onebot", "639921629", "639921629", "李四", SenderRole.MEMBER, "m1", "#我的",
                false, NOON);
        assertThat(replyLog.once(inPrivate, () -> Optional.of("私聊的回答"))).contains("私聊的回答");
        assertThat(replyLog.once(inGroup, () -> Optional.of("群里的回答"))).as("not a redelivery of the private one")
            .contains("群里的回答");
        ReplyOutbox next = ReplyOutboxes.outbox(handled,
                OutboundFixtures.inline(List.of(api), clock, new SimpleMeterRegistry()), true,
                ReplyOutboxes.properties(Duration.ofMinutes(1)), "replica-b", clock);
        api.failures.set(0);

        clock.advance(Duration.ofSeconds(61));
        assertThat(next.resume()).isEqualTo(2);

        assertThat(api.delivered).extracting(ScriptedApi.Sent::reply)
            .extracting(Reply::text)
            .containsExactlyInAnyOrder("私聊的回答", "群里的回答");
        assertThat(api.delivered).filteredOn(sent -> sent.reply().text().equals("私聊的回答"))
            .singleElement()
            .satisfies(sent -> {
                assertThat(sent.user()).isEqualTo(new UserRef("onebot", "639921629"));
                assertThat(sent.group()).isNull();
            });
        assertThat(api.delivered).filteredOn(sent -> sent.reply().text().equals("群里的回答"))
            .singleElement()
            .satisfies(sent -> assertThat(sent.group()).isEqualTo(new GroupRef("onebot", "639921629")));
        assertThat(handled.find("onebot", "", "m1", MessageFingerprint.of(inPrivate))).get()
            .satisfies(row -> assertThat(row.kind()).isEqualTo(ChatKind.PRIVATE));
    }

    @Test
    void aRateLimitWarningIsWordedForTheMomentItLeavesAndNotSentOnceItsWaitIsOver() {
        MutableClock clock = new MutableClock(NOON);
        api.failures.set(Integer.MAX_VALUE);
        ReplyLog stopped = replyLog(
                ReplyOutboxes.outbox(handled, OutboundFixtures.inline(List.of(api), clock, new SimpleMeterRegistry()),
                        true, ReplyOutboxes.properties(Duration.ofMinutes(1)), "replica-a", clock));
        stopped.once(message("639921629", "m1"), () -> Optional.of("请17秒后再发"), NOON.plusSeconds(17));
        stopped.once(message("1418159967", "m2"), () -> Optional.of("请17秒后再发"), NOON.plusSeconds(90));
        ReplyOutbox other = ReplyOutboxes.outbox(handled,
                OutboundFixtures.inline(List.of(api), clock, new SimpleMeterRegistry()), true,
                ReplyOutboxes.properties(Duration.ofMinutes(1)), "replica-b", clock);
        api.failures.set(0);
        clock.advance(Duration.ofSeconds(61));

        other.resume();

        assertThat(api.delivered).singleElement()
            .satisfies(sent -> assertThat(sent.reply().text()).contains("请29秒后再发").doesNotContain("17"));
        assertThat(handled.delivery("onebot", "639921629", "m1")).contains("stale");
        assertThat(handled.delivery("onebot", "1418159967", "m2")).contains("sent");
        assertThat(handled.find("onebot", "1418159967", "m2", MessageFingerprint.of(message("1418159967", "m2")))
            .orElseThrow()
            .replyText()).as("a redelivery is still answered as the first time").isEqualTo("请17秒后再发");
    }

    private ReplyLog replyLog(ReplyOutbox outbox) {
        return new ReplyLog(handled, new LocalDeduplicator(Clock.systemUTC()), ledger,
                new ConversationProperties(7, Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(1)),
                outbox);
    }

    private static ChatMessage message(String group, String id) {
        return new ChatMessage("onebot", group, "30001", "李四", SenderRole.MEMBER, id, "#上报 简阳市 走访46户", false, NOON);
    }

    /**
     * The OneBot API as the outbox sees it: fails retryably while {@code failures} is
     * positive, then accepts.
     */
    static final class ScriptedApi implements ChatSender {

        /** {@code group} is null for a private chat, {@code user} for a group. */
        record Sent(GroupRef group, UserRef user, Reply reply) {
        }

        final AtomicInteger failures = new AtomicInteger();

        final ConcurrentLinkedQueue<Sent> delivered = new ConcurrentLinkedQueue<>();

        @Override
        public String platform() {
            return "onebot";
        }

        @Override
        public void send(GroupRef group, Reply reply) {
            if (failures.getAndDecrement() > 0) {
                throw new PlatformCallException("onebot", 503, "http_503", true, "send_group_msg answered HTTP 503");
            }
            delivered.add(new Sent(group, null, reply));
        }

        @Override
        public void sendPrivate(UserRef user, Reply reply) {
            if (failures.getAndDecrement() > 0) {
                throw new PlatformCallException("onebot", 503, "http_503", true, "send_private_msg answered HTTP 503");
            }
            delivered.add(new Sent(null, user, reply));
        }

    }

}
