package cn.cdsw.tallybot.platform.dingtalk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where a message to a DingTalk group goes: a reply through its message's session webhook
 * while that lives, else — and every proactive post — through the group-send API with the
 * access token; an image uploaded as media and sent as an image message, once even when a
 * retry follows a half-delivered post.
 */
class DingTalkSenderTests {

    static final String GROUP = "cidDEMO==";

    static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3 };

    final FakeDingTalk dingTalk = new FakeDingTalk();

    final MutableClock clock = new MutableClock(NOW);

    final DingTalkSessions sessions = new DingTalkSessions(List.of(dingTalk.url()), clock, Duration.ofMinutes(1));

    final DingTalkSender sender = new DingTalkSender(new DingTalkApi(new OkHttpClient(), dingTalk.url(), dingTalk.url(),
            new DingTalkTokens(new OkHttpClient(), HttpUrl.get(dingTalk.url()), "dingKEY", DingTalkVerifierTests.SECRET,
                    clock, Duration.ofMinutes(5))),
            sessions, "dingROBOT");

    @AfterEach
    void stop() {
        dingTalk.close();
    }

    @Test
    void repliesThroughTheSessionWebhookWhileItLives() {
        sessions.remember("msg1", dingTalk.sessionWebhook(GROUP), NOW.plus(Duration.ofMinutes(90)).toEpochMilli());

        sender.send(group(), Reply.text("✅ 已记录 #1").quoting(new Reply.Quote("msg1", "user123")));

        assertThat(dingTalk.sent()).containsExactly(new FakeDingTalk.Sent(GROUP, "session", "text", "✅ 已记录 #1", ""));
        assertThat(dingTalk.tokenCalls()).as("a session webhook needs no token").isZero();
    }

    @Test
    void fallsBackToTheGroupSendApiOnceTheSessionWebhookExpires() {
        sessions.remember("msg1", dingTalk.sessionWebhook(GROUP), NOW.plus(Duration.ofMinutes(90)).toEpochMilli());
        clock.advance(Duration.ofMinutes(89));

        sender.send(group(), Reply.text("✅ 已记录 #1").quoting(new Reply.Quote("msg1", "user123")));
        sender.send(group(), Reply.text("还有一条").quoting(new Reply.Quote("unknown", "user123")));

        assertThat(dingTalk.sent()).containsExactly(
                new FakeDingTalk.Sent(GROUP, "api:dingROBOT", "text", "✅ 已记录 #1", "token-1"),
                new FakeDingTalk.Sent(GROUP, "api:dingROBOT", "text", "还有一条", "token-1"));
        assertThat(dingTalk.tokenCalls()).isEqualTo(1);
    }

    @Test
    void fallsBackToTheGroupSendApiWhenTheSessionRefuses() {
        sessions.remember("msg1", dingTalk.sessionWebhook(FakeDingTalk.ENDED_SESSION),
                NOW.plus(Duration.ofMinutes(90)).toEpochMilli());

        sender.send(group(), Reply.text("✅ 已记录 #1").quoting(new Reply.Quote("msg1", "user123")));

        assertThat(dingTalk.sent())
            .containsExactly(new FakeDingTalk.Sent(GROUP, "api:dingROBOT", "text", "✅ 已记录 #1", "token-1"));
    }

    @Test
    void takesNoSessionWebhookOnAnotherHost() {
        sessions.remember("msg1", "https://attacker.example/robot/sendBySession?session=x",
                NOW.plus(Duration.ofMinutes(90)).toEpochMilli());

        sender.send(group(), Reply.text("✅ 已记录 #1").quoting(new Reply.Quote("msg1", "user123")));

        assertThat(dingTalk.sent()).singleElement()
            .satisfies(sent -> assertThat(sent.via()).isEqualTo("api:dingROBOT"));
    }

    @Test
    void postsTheTextThenTheUploadedImage() {
        sender.send(group(), new Reply("今日汇总：走访238户", Base64.getEncoder().encodeToString(PNG)));

        assertThat(dingTalk.uploads()).hasSize(1);
        assertThat(new String(dingTalk.uploads().get(0), StandardCharsets.ISO_8859_1)).contains("name=\"type\"")
            .contains("filename=\"summary.png\"")
            .contains("image/png");
        assertThat(dingTalk.sent()).containsExactly(
                new FakeDingTalk.Sent(GROUP, "api:dingROBOT", "text", "今日汇总：走访238户", "token-1"),
                new FakeDingTalk.Sent(GROUP, "api:dingROBOT", "image", "@lAmedia1", "token-1"));
    }

    @Test
    void aRetryAfterTheImageFailedSendsOnlyTheImage() {
        Reply summary = new Reply("今日汇总：走访238户", Base64.getEncoder().encodeToString(PNG));
        // the text goes out, then the image send is refused
        dingTalk.failGroupSend(2);
        assertThatExceptionOfType(PlatformCallException.class).isThrownBy(() -> sender.send(group(), summary))
            .satisfies(e -> assertThat(e.retryable()).isTrue());
        sender.send(group(), summary);

        assertThat(dingTalk.sent()).extracting(FakeDingTalk.Sent::kind).containsExactly("text", "image");
        assertThat(dingTalk.uploads()).as("uploaded once").hasSize(1);
    }

    @Test
    void refusesWhatDingTalkWouldRefuseBeforeAnyCall() {
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> sender.send(new GroupRef("onebot", "1"), Reply.text("x")));
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> sender.send(group(), Reply.text("走访".repeat(3000))))
            .withMessageContaining("15000");
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> sender.send(group(), new Reply("x", "not base64 !")));
        assertThat(dingTalk.sent()).isEmpty();
        assertThat(dingTalk.tokenCalls()).isZero();
    }

    private static GroupRef group() {
        return new GroupRef("dingtalk", GROUP);
    }

}
