package cn.cdsw.tallybot.platform.dingtalk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.InboundHandler;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.platform.SenderRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A robot callback as the core sees it: a group text message normalised into one
 * {@link ChatMessage}, its session webhook kept for the reply, and everything else taken,
 * dropped or refused without reaching the core.
 */
class DingTalkInboundTests {

    static final Instant NOW = Instant.ofEpochMilli(1735689600000L);

    static final String MESSAGE = """
            {"conversationId":"cidDEMO==","atUsers":[{"dingtalkId":"$:LWCP_v1:$bot"}],"chatbotCorpId":"dingCORP",
             "chatbotUserId":"$:LWCP_v1:$bot","msgId":"msgDEMO==","senderNick":"小王","isAdmin":false,
             "senderStaffId":"user123","sessionWebhookExpiredTime":1735695000000,"createAt":1735689600000,
             "senderCorpId":"dingCORP","conversationType":"2","senderId":"$:LWCP_v1:$sender",
             "conversationTitle":"XX街道社工群","isInAtList":true,
             "sessionWebhook":"https://oapi.dingtalk.com/robot/sendBySession?session=DEMO",
             "robotCode":"dingROBOT","text":{"content":" #日报 走访3户"},"msgtype":"text"}""";

    final Recording handler = new Recording();

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    final DingTalkSessions sessions = new DingTalkSessions(List.of(URI.create("https://oapi.dingtalk.com")), clock,
            Duration.ofMinutes(1));

    final DingTalkInbound inbound = new DingTalkInbound(65_536,
            new DingTalkVerifier(DingTalkVerifierTests.SECRET, clock, Duration.ofHours(1)), new DingTalkMapper(clock),
            sessions, handler);

    @Test
    void normalisesAGroupTextMessage() {
        assertThat(inbound.accept(bytes(MESSAGE))).isInstanceOf(DingTalkOutcome.Accepted.class);

        assertThat(handler.messages).containsExactly(new ChatMessage("dingtalk", "cidDEMO==", "user123", "小王",
                SenderRole.MEMBER, "msgDEMO==", "#日报 走访3户", true, NOW));
        assertThat(sessions.forMessage("msgDEMO==")).hasValueSatisfying(
                url -> assertThat(url).hasToString("https://oapi.dingtalk.com/robot/sendBySession?session=DEMO"));
    }

    @Test
    void anAdminIsAnAdminAndAnOutsiderIsKnownByTheEncryptedId() {
        inbound.accept(bytes(MESSAGE.replace("\"isAdmin\":false", "\"isAdmin\":true")
            .replace("\"senderStaffId\":\"user123\",", "")));

        assertThat(handler.messages).singleElement().satisfies(message -> {
            assertThat(message.senderRole()).isEqualTo(SenderRole.ADMIN);
            assertThat(message.senderId()).isEqualTo("$:LWCP_v1:$sender");
        });
    }

    @Test
    void takesOutMentionsBeforeTheCommandAndDistrustsAFarOffTime() {
        inbound.accept(bytes(MESSAGE.replace(" #日报 走访3户", "@张三 @李四  #上报 走访3户 ")
            .replace("\"createAt\":1735689600000", "\"createAt\":1")));

        assertThat(handler.messages).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("#上报 走访3户");
            assertThat(message.sentAt()).isEqualTo(NOW);
        });
    }

    @Test
    void refusesAGroupMessageWithoutItsIds() {
        assertThat(inbound.accept(bytes(MESSAGE.replace("\"msgId\":\"msgDEMO==\",", ""))))
            .isInstanceOf(DingTalkOutcome.Malformed.class);
        assertThat(inbound.accept(bytes(MESSAGE.replace("cidDEMO==", " "))))
            .isInstanceOf(DingTalkOutcome.Malformed.class);
        assertThat(handler.messages).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not json", "[]", "null", "{\"msgtype\":", "\"text\"" })
    void refusesWhatIsNotAMessageObject(String body) {
        assertThat(inbound.accept(bytes(body))).isInstanceOf(DingTalkOutcome.Malformed.class);
        assertThat(handler.messages).isEmpty();
    }

    @Test
    void dropsSingleChatsAndPictures() {
        assertThat(inbound.accept(bytes(MESSAGE.replace("\"conversationType\":\"2\"", "\"conversationType\":\"1\""))))
            .isInstanceOf(DingTalkOutcome.Accepted.class);
        assertThat(inbound.accept(bytes(MESSAGE.replace("\"msgtype\":\"text\"", "\"msgtype\":\"picture\""))))
            .isInstanceOf(DingTalkOutcome.Accepted.class);
        assertThat(handler.messages).isEmpty();
    }

    @Test
    void refusesABodyAboveTheLimit() {
        DingTalkInbound small = new DingTalkInbound(16,
                new DingTalkVerifier(DingTalkVerifierTests.SECRET, clock, Duration.ofHours(1)),
                new DingTalkMapper(clock), sessions, handler);

        assertThat(small.accept(bytes(MESSAGE))).isInstanceOf(DingTalkOutcome.TooLarge.class);
    }

    @Test
    void isAuthenticOnlyWithTheRightHeaders() {
        assertThat(inbound.authentic(DingTalkVerifierTests.TIMESTAMP, DingTalkVerifierTests.SIGN)).isTrue();
        assertThat(inbound.authentic(DingTalkVerifierTests.TIMESTAMP, "Rmn25uEFDdZpx00AkvBN1OoIRdk/LBWLR0SFVHRRCAt="))
            .isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static final class Recording implements InboundHandler {

        final List<ChatMessage> messages = new CopyOnWriteArrayList<>();

        @Override
        public Optional<Reply> onMessage(ChatMessage message) {
            messages.add(message);
            return Optional.empty();
        }

        @Override
        public void onRecall(MessageRecall recall) {
            throw new AssertionError("DingTalk sends no recalls");
        }

    }

}
