package cn.cdsw.tallybot.platform.onebot;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.cdsw.tallybot.platform.ChatKind;
import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.testing.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OneBotInboundTests {

    private static final String SECRET = "onebot-secret";

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static final ReplyMetrics METRICS = new ReplyMetrics(new SimpleMeterRegistry(),
            OneBotProperties.ReplyMode.QUICK);

    private final RecordingInboundHandler handler = new RecordingInboundHandler(Reply.text("已记录：走访3户"));

    @RegisterExtension
    final LogCapture log = LogCapture.of(OneBotVerifier.class);

    @Test
    void refusesABodyAboveTheLimitBeforeLookingAtIt() {
        OneBotInbound inbound = quick(handler, false);
        byte[] body = new byte[65_537];

        assertThat(inbound.accept(body, OneBotSigner.sign(SECRET, body))).isEqualTo(new OneBotOutcome.TooLarge());
        assertThat(handler.untouched()).isTrue();
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        byte[] body = padded(OneBotFixtures.bytes("heartbeat.json"), 65_536);
        assertThat(quick(handler, false).accept(body, OneBotSigner.sign(SECRET, body)).status()).isEqualTo(204);
    }

    @Test
    void refusesAMissingSignatureAndNeverCallsTheHandler() {
        assertThat(quick(handler, false).accept(OneBotFixtures.bytes("group-message-array.json"), null))
            .isEqualTo(new OneBotOutcome.Unauthorized());
        assertThat(handler.untouched()).isTrue();
        assertThat(log.warnings()).containsExactly("OneBot event refused: X-Signature missing");
    }

    @Test
    void refusesAWrongSignatureAndNeverCallsTheHandler() {
        byte[] body = OneBotFixtures.bytes("group-message-array.json");
        assertThat(quick(handler, false).accept(body, OneBotSigner.sign("wrong", body)))
            .isEqualTo(new OneBotOutcome.Unauthorized());
        assertThat(handler.untouched()).isTrue();
        assertThat(log.warnings()).containsExactly("OneBot event refused: X-Signature does not match the body");
    }

    @Test
    void checksTheSignatureBeforeParsingSoGarbageWithoutSignatureIs401() {
        assertThat(quick(handler, false).accept(utf8("{not json"), null)).isEqualTo(new OneBotOutcome.Unauthorized());
        assertThat(log.warnings()).containsExactly("OneBot event refused: X-Signature missing");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{not json", "", "null", "[]", "\"text\"", "{\"post_type\":{\"a\":1}}" })
    void answersMalformedJsonWith400(String json) {
        byte[] body = utf8(json);
        assertThat(quick(handler, false).accept(body, OneBotSigner.sign(SECRET, body)))
            .isEqualTo(new OneBotOutcome.Malformed());
        assertThat(handler.untouched()).isTrue();
    }

    @Test
    void answersAGroupMessageWithoutGroupIdWith400() {
        byte[] body = utf8(new String(OneBotFixtures.bytes("group-message-array.json"), StandardCharsets.UTF_8)
            .replace("\"group_id\":987654321,", ""));
        assertThat(quick(handler, false).accept(body, OneBotSigner.sign(SECRET, body)))
            .isEqualTo(new OneBotOutcome.Malformed());
        assertThat(handler.untouched()).isTrue();
    }

    @Test
    void ignoresHeartbeatsWith204() {
        byte[] body = OneBotFixtures.bytes("heartbeat.json");
        assertThat(quick(handler, false).accept(body, OneBotSigner.sign(SECRET, body)))
            .isEqualTo(new OneBotOutcome.Ignored());
        assertThat(handler.untouched()).isTrue();
    }

    @Test
    void passesAPrivateMessageToTheHandlerAsAChatWithItsSender() {
        byte[] body = OneBotFixtures.bytes("private-message.json");

        // in quick mode a private message is answered in the response, as a group's is
        assertThat(quick(handler, false).accept(body, OneBotSigner.sign(SECRET, body)))
            .isInstanceOf(OneBotOutcome.Replied.class);

        assertThat(handler.messages).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(ChatKind.PRIVATE);
            assertThat(message.groupId()).isEmpty();
            assertThat(message.senderId()).isEqualTo("12345678");
            assertThat(message.messageId()).isEqualTo("123457");
            assertThat(message.text()).isEqualTo("你好");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"post_type\":\"message\",\"message_type\":\"private\",\"message_id\":1}",
            "{\"post_type\":\"message\",\"message_type\":\"private\",\"user_id\":1}",
            "{\"post_type\":\"message\",\"message_type\":\"group\",\"group_id\":\"\",\"user_id\":1,"
                    + "\"message_id\":1}" })
    void answersAMessageWithoutItsIdsWith400(String json) {
        byte[] body = utf8(json);
        assertThat(quick(handler, false).accept(body, OneBotSigner.sign(SECRET, body)))
            .isEqualTo(new OneBotOutcome.Malformed());
        assertThat(handler.untouched()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"post_type\":\"request\",\"request_type\":\"friend\",\"user_id\":7}",
            "{\"post_type\":\"request\",\"request_type\":\"group\",\"sub_type\":\"invite\",\"group_id\":8}" })
    void logsFriendRequestsAndGroupInvitationsAndLeavesThemOpen(String json) {
        byte[] body = utf8(json);
        assertThat(quick(handler, false).accept(body, OneBotSigner.sign(SECRET, body)))
            .isEqualTo(new OneBotOutcome.Handled());
        assertThat(handler.untouched()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"post_type\":\"request\",\"request_type\":\"other\"}",
            "{\"post_type\":\"notice\",\"notice_type\":\"group_increase\",\"group_id\":1}",
            "{\"post_type\":\"message_sent\"}", "{\"time\":1}" })
    void ignoresRequestsOtherNoticesAndUnknownTypesWith204(String json) {
        byte[] body = utf8(json);
        assertThat(quick(handler, false).accept(body, OneBotSigner.sign(SECRET, body)).status()).isEqualTo(204);
        assertThat(handler.untouched()).isTrue();
    }

    @Test
    void passesARecallToTheHandler() {
        byte[] body = OneBotFixtures.bytes("group-recall.json");

        assertThat(quick(handler, false).accept(body, OneBotSigner.sign(SECRET, body)))
            .isEqualTo(new OneBotOutcome.Handled());
        assertThat(handler.recalls).containsExactly(new MessageRecall("onebot", "987654321", "123456", "12345678",
                "12345678", Instant.ofEpochSecond(1735689700)));
    }

    @Test
    void answersAReplyAsAQuickOperation() {
        byte[] body = OneBotFixtures.bytes("group-message-array.json");

        OneBotOutcome outcome = quick(handler, false).accept(body, OneBotSigner.sign(SECRET, body));

        assertThat(outcome).isEqualTo(new OneBotOutcome.Replied(
                "{\"reply\":[{\"type\":\"text\",\"data\":{\"text\":\"已记录：走访3户\"}}],\"at_sender\":false}"));
        assertThat(handler.messages).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("#日报 走访3户"));
    }

    @Test
    void quickOperationCarriesAtSenderAndTheImage() {
        RecordingInboundHandler withImage = new RecordingInboundHandler(new Reply("今日汇总", "iVBORw0KGgo="));
        byte[] body = OneBotFixtures.bytes("group-message-array.json");

        OneBotOutcome outcome = quick(withImage, true).accept(body, OneBotSigner.sign(SECRET, body));

        assertThat(outcome)
            .isEqualTo(new OneBotOutcome.Replied("{\"reply\":[" + "{\"type\":\"text\",\"data\":{\"text\":\"今日汇总\"}},"
                    + "{\"type\":\"image\",\"data\":{\"file\":\"base64://iVBORw0KGgo=\"}}],\"at_sender\":true}"));
    }

    @Test
    void answers204WhenTheHandlerStaysSilent() {
        byte[] body = OneBotFixtures.bytes("group-message-string.json");
        RecordingInboundHandler silent = RecordingInboundHandler.silent();

        assertThat(quick(silent, false).accept(body, OneBotSigner.sign(SECRET, body)))
            .isEqualTo(new OneBotOutcome.Handled());
        assertThat(silent.messages).hasSize(1);
    }

    @Test
    void inApiModeAnswers204AndLeavesTheReplyToTheCoresQueue() {
        byte[] body = OneBotFixtures.bytes("group-message-array.json");
        OneBotApiReplies replies = new OneBotApiReplies();
        OneBotInbound inbound = inbound(handler, replies);

        assertThat(inbound.accept(body, OneBotSigner.sign(SECRET, body))).isEqualTo(new OneBotOutcome.Handled());
        assertThat(handler.messages).hasSize(1);
        assertThat(replies.throughApi("onebot")).isTrue();
        assertThat(replies.throughApi("wecom")).isFalse();
    }

    @Test
    void withoutASecretUnsignedEventsAreAccepted() {
        OneBotInbound open = new OneBotInbound(65_536, new OneBotVerifier(null), new OneBotEventMapper(CLOCK), handler,
                new OneBotQuickReplies(false, METRICS));
        assertThat(open.accept(OneBotFixtures.bytes("group-message-array.json"), null).status()).isEqualTo(200);
    }

    private static OneBotInbound quick(RecordingInboundHandler handler, boolean atSender) {
        return inbound(handler, new OneBotQuickReplies(atSender, METRICS));
    }

    private static OneBotInbound inbound(RecordingInboundHandler handler, OneBotReplies replies) {
        return new OneBotInbound(65_536, new OneBotVerifier(SECRET), new OneBotEventMapper(CLOCK), handler, replies);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * JSON allows trailing whitespace, so padding keeps the event valid while reaching an
     * exact size.
     */
    private static byte[] padded(byte[] json, int size) {
        byte[] body = new byte[size];
        System.arraycopy(json, 0, body, 0, json.length);
        Arrays.fill(body, json.length, size, (byte) ' ');
        return body;
    }

    record Sent(GroupRef group, Reply reply) {
    }

    static final class RecordingSender implements ChatSender {

        final List<Sent> sent = new CopyOnWriteArrayList<>();

        @Override
        public String platform() {
            return "onebot";
        }

        @Override
        public void send(GroupRef group, Reply reply) {
            sent.add(new Sent(group, reply));
        }

    }

}
