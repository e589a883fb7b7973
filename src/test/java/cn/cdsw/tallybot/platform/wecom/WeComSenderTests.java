package cn.cdsw.tallybot.platform.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Where a WeCom send goes and what WeCom's answers make of it, against a MockWebServer:
 * the message's {@code response_url} (on the configured host only), else the group's
 * webhook in pieces WeCom takes, and which refusals a retry could cure.
 */
class WeComSenderTests {

    static final GroupRef GROUP = new GroupRef("wecom", "chat-1");

    MockWebServer wecom;

    ExpiringKeys<URI> responseUrls;

    ExpiringKeys<Boolean> answered;

    @BeforeEach
    void start() throws Exception {
        wecom = new MockWebServer();
        wecom.start();
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T04:00:00Z"), ZoneOffset.UTC);
        responseUrls = new ExpiringKeys<>(clock, Duration.ofHours(1), 100);
        answered = new ExpiringKeys<>(clock, Duration.ofHours(1), 100);
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    WeComSender sender(boolean webhook) {
        WeComProperties properties = new WeComProperties(null, null, null,
                webhook ? URI.create(wecom.url("/cgi-bin/webhook/send?key=k").toString()) : null, Map.of(),
                URI.create(wecom.url("/").toString()), 65536, Duration.ofHours(1));
        return new WeComSender(new WeComRobotApi(new OkHttpClient()), properties, responseUrls, answered);
    }

    void ok() {
        wecom.enqueue(new MockResponse.Builder().body("{\"errcode\":0,\"errmsg\":\"ok\"}").build());
    }

    JsonNode body(RecordedRequest request) {
        return WeComJson.MAPPER.readTree(request.getBody().utf8());
    }

    RecordedRequest next() throws InterruptedException {
        RecordedRequest request = wecom.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        return request;
    }

    @Test
    void aReplyGoesToItsResponseUrlOnTheConfiguredHostOnce() throws Exception {
        responseUrls.put(ExpiringKeys.key("chat-1", "m1"),
                URI.create("https://elsewhere.example/cgi-bin/aibot/response?response_code=abc"));
        ok();

        sender(true).send(GROUP, Reply.text("已记录").quoting(new Reply.Quote("m1", "u1")));

        RecordedRequest sent = next();
        assertThat(sent.getUrl().host()).isEqualTo(wecom.getHostName());
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/cgi-bin/aibot/response");
        assertThat(sent.getUrl().queryParameter("response_code")).isEqualTo("abc");
        assertThat(body(sent).get("markdown").get("content").asString()).isEqualTo("已记录");
        assertThat(responseUrls.size()).as("a response_url is used once").isZero();
    }

    @Test
    void aReplyWithoutResponseUrlGoesThroughTheWebhookAndWithoutEitherIsRefused() throws Exception {
        ok();
        sender(true).send(GROUP, Reply.text("已记录").quoting(new Reply.Quote("m2", "u1")));

        RecordedRequest sent = next();
        assertThat(sent.getUrl().queryParameter("key")).isEqualTo("k");
        assertThat(body(sent).get("text").get("content").asString()).isEqualTo("已记录");
        assertThatThrownBy(() -> sender(false).send(GROUP, Reply.text("已记录")))
            .isInstanceOfSatisfying(PlatformCallException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void aReplyGivenInTheCallbackResponseIsNotSentAgain() throws InterruptedException {
        answered.put(ExpiringKeys.key("chat-1", "m3"), Boolean.TRUE);

        sender(true).send(GROUP, Reply.text("已记录").quoting(new Reply.Quote("m3", "u1")));

        assertThat(wecom.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aLongTextLeavesInPiecesCutAtLineEndsThenTheImage() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 60; line++) {
            text.append("锦江区·三圣街道社工站：走访196户，电话12次，第").append(line).append("行\n");
        }
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };
        for (int i = 0; i < 10; i++) {
            ok();
        }

        sender(true).send(GROUP, new Reply(text.toString().strip(), Base64.getEncoder().encodeToString(png)));

        StringBuilder received = new StringBuilder();
        JsonNode message = body(next());
        while ("text".equals(message.get("msgtype").asString())) {
            String piece = message.get("text").get("content").asString();
            assertThat(piece.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(WeComSender.TEXT_BYTES);
            assertThat(piece).endsWith("行");
            received.append(piece).append('\n');
            message = body(next());
        }
        assertThat(received.toString().strip()).isEqualTo(text.toString().strip());
        assertThat(message.get("image").get("base64").asString()).isEqualTo(Base64.getEncoder().encodeToString(png));
        assertThat(message.get("image").get("md5").asString()).as("md5 of the bytes, not of the Base64")
            .isEqualTo("cdcccc79567f1263e1633b028f0208d9");
    }

    @Test
    void throttlingAndServerErrorsMayBeRetriedOtherRefusalsNot() {
        wecom.enqueue(
                new MockResponse.Builder().body("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}").build());
        wecom.enqueue(new MockResponse.Builder().code(502).build());
        wecom
            .enqueue(new MockResponse.Builder().body("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}").build());
        WeComSender sender = sender(true);

        for (boolean retryable : List.of(true, true, false)) {
            assertThatThrownBy(() -> sender.send(GROUP, Reply.text("日报")))
                .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                    assertThat(e.retryable()).isEqualTo(retryable);
                    assertThat(e.getMessage()).doesNotContain("key=k");
                });
        }
    }

    @Test
    void aResponseUrlThatFailedRetryablyIsKeptForTheRetry() throws Exception {
        responseUrls.put(ExpiringKeys.key("chat-1", "m4"),
                URI.create(wecom.url("/cgi-bin/aibot/response?response_code=r4").toString()));
        wecom.enqueue(new MockResponse.Builder().code(503).build());
        ok();
        WeComSender sender = sender(false);
        Reply reply = Reply.text("已记录").quoting(new Reply.Quote("m4", "u1"));

        assertThatThrownBy(() -> sender.send(GROUP, reply)).isInstanceOf(PlatformCallException.class);
        sender.send(GROUP, reply);

        assertThat(next().getUrl().queryParameter("response_code")).isEqualTo("r4");
        assertThat(next().getUrl().queryParameter("response_code")).isEqualTo("r4");
    }

    @Test
    void piecesNeverSplitACharacter() {
        String text = "走".repeat(1000);
        List<String> pieces = WeComSender.pieces(text, 2048);
        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces)
            .allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048));
    }

}
