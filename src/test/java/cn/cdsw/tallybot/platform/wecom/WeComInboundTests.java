package cn.cdsw.tallybot.platform.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.InboundHandler;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The callback without Spring: what reaches the core, what is refused before anything is
 * read, and what is dropped.
 */
class WeComInboundTests {

    static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");

    static final WeComCrypto CRYPTO = new WeComCrypto("tok", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");

    @RegisterExtension
    final LogCapture log = LogCapture.of(WeComInbound.class);

    final List<ChatMessage> handled = new ArrayList<>();

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    final ExpiringKeys<URI> responseUrls = new ExpiringKeys<>(clock, Duration.ofHours(1), 100);

    final WeComInbound inbound = new WeComInbound(CRYPTO, "ww-corp", 4096, new WeComMessageMapper(clock),
            new InboundHandler() {
                @Override
                public Optional<Reply> onMessage(ChatMessage message) {
                    handled.add(message);
                    return Optional.of(Reply.text("好的"));
                }

                @Override
                public void onRecall(MessageRecall recall) {
                }
            }, responseUrls, new ExpiringKeys<>(clock, Duration.ofHours(1), 100), clock);

    WeComOutcome deliver(String message, String receiveId) {
        String encrypted = CRYPTO.encrypt(message, receiveId);
        String timestamp = Long.toString(NOW.getEpochSecond());
        return inbound.accept(CRYPTO.signature(timestamp, "n", encrypted), timestamp, "n",
                ("{\"encrypt\":\"" + encrypted + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGroupMessageReachesTheCoreWithoutItsMention() {
        WeComOutcome outcome = deliver(
                "{\"msgid\":\"m1\",\"chatid\":\"c1\",\"chattype\":\"group\",\"from\":{\"userid\":\"u1\"},"
                        + "\"response_url\":\"https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=x\","
                        + "\"msgtype\":\"text\",\"text\":{\"content\":\"@日报助手\u2005#统计 今天\"}}",
                "");

        assertThat(outcome).isInstanceOf(WeComOutcome.Taken.class);
        assertThat(handled).singleElement().satisfies(message -> {
            assertThat(message.platform()).isEqualTo("wecom");
            assertThat(message.groupId()).isEqualTo("c1");
            assertThat(message.senderId()).isEqualTo("u1");
            assertThat(message.messageId()).isEqualTo("m1");
            assertThat(message.text()).isEqualTo("#统计 今天");
            assertThat(message.mentionsBot()).isTrue();
            assertThat(message.sentAt()).isEqualTo(NOW);
        });
        assertThat(responseUrls.take(ExpiringKeys.key("c1", "m1"))).isPresent();
    }

    @Test
    void aMessageWithoutChattypeButWithAChatIsAGroupMessage() {
        deliver("{\"msgid\":\"m2\",\"chatid\":\"c1\",\"from\":{\"userid\":\"u1\"},\"msgtype\":\"text\","
                + "\"text\":{\"content\":\"@bot #帮助\"}}", "ww-corp");

        assertThat(handled).singleElement().satisfies(message -> assertThat(message.text()).isEqualTo("#帮助"));
    }

    @Test
    void singleChatsEventsAndOtherKindsAreDropped() {
        assertThat(
                deliver("{\"msgid\":\"m3\",\"chattype\":\"single\",\"from\":{\"userid\":\"u1\"},\"msgtype\":\"text\","
                        + "\"text\":{\"content\":\"#帮助\"}}", ""))
            .isInstanceOf(WeComOutcome.Taken.class);
        assertThat(deliver("{\"msgtype\":\"event\",\"event\":{\"eventtype\":\"enter_chat\"}}", ""))
            .isInstanceOf(WeComOutcome.Taken.class);
        assertThat(deliver("{\"msgid\":\"m4\",\"chatid\":\"c1\",\"chattype\":\"group\",\"from\":{\"userid\":\"u1\"},"
                + "\"msgtype\":\"image\",\"image\":{\"url\":\"https://x\"}}", ""))
            .isInstanceOf(WeComOutcome.Taken.class);
        assertThat(handled).isEmpty();
    }

    @Test
    void refusalsNeverReachTheCore() {
        assertThat(deliver("{\"msgid\":\"m5\",\"chatid\":\"c1\",\"chattype\":\"group\",\"msgtype\":\"text\","
                + "\"text\":{\"content\":\"#帮助\"}}", ""))
            .as("no sender")
            .isInstanceOf(WeComOutcome.Malformed.class);
        assertThat(deliver("not json", "")).isInstanceOf(WeComOutcome.Malformed.class);
        assertThat(deliver("{\"msgid\":\"m6\",\"chatid\":\"c1\",\"chattype\":\"group\",\"from\":{\"userid\":\"u1\"},"
                + "\"msgtype\":\"text\",\"text\":{\"content\":\"#帮助\"}}", "ww-another-corp"))
            .as("encrypted for another receive id")
            .isInstanceOf(WeComOutcome.Unauthorized.class);
        assertThat(inbound.accept("sig", "1", "n", new byte[4097])).isInstanceOf(WeComOutcome.TooLarge.class);
        assertThat(inbound.accept(null, null, null, "{\"encrypt\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(WeComOutcome.Unauthorized.class);
        assertThat(inbound.accept("0".repeat(40), "1", "n",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>"
                    .getBytes(StandardCharsets.UTF_8)))
            .as("a doctype is never read")
            .isInstanceOf(WeComOutcome.Malformed.class);
        assertThat(handled).isEmpty();
    }

    @Test
    void mentionsAreStrippedOnlyAtTheStart() {
        assertThat(WeComMessageMapper.withoutMention("@日报助手 #上报 走访3户")).isEqualTo("#上报 走访3户");
        assertThat(WeComMessageMapper.withoutMention(" @a\u2005@b  #我的 ")).isEqualTo("#我的");
        assertThat(WeComMessageMapper.withoutMention("#上报 联系@张三")).isEqualTo("#上报 联系@张三");
        assertThat(WeComMessageMapper.withoutMention("@日报助手")).isEmpty();
    }

}
