package cn.cdsw.tallybot.platform.onebot;

import java.net.URI;
import java.util.List;

import cn.cdsw.tallybot.platform.ChatFile;
import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.platform.UserRef;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OneBotSenderTests {

    private static final String OK = "{\"status\":\"ok\",\"retcode\":0,\"data\":{\"message_id\":123457}}";

    private static final GroupRef GROUP = new GroupRef("onebot", "987654321");

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final OkHttpClient shared = new OkHttpClient.Builder().followRedirects(false).build();

    @Test
    void postsSendGroupMsgWithBearerTokenAndASegmentArray() throws Exception {
        server.enqueue(json(200, OK));

        sender("kSLuTF2GC2Q4q4ugm3").send(GROUP, Reply.text("今日汇总：走访3户"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/send_group_msg");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer kSLuTF2GC2Q4q4ugm3");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8()).isEqualTo("{\"group_id\":987654321,"
                + "\"message\":[{\"type\":\"text\",\"data\":{\"text\":\"今日汇总：走访3户\"}}],\"auto_escape\":false}");
    }

    @Test
    void postsSendPrivateMsgToTheUserQuotingTheMessageItAnswers() throws Exception {
        server.enqueue(json(200, OK));

        sender("kSLuTF2GC2Q4q4ugm3").sendPrivate(new UserRef("onebot", "12345678"),
                Reply.text("✅ 已绑定").quoting(new Reply.Quote("77", "12345678")));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/send_private_msg");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer kSLuTF2GC2Q4q4ugm3");
        assertThat(request.getBody().utf8()).isEqualTo("{\"user_id\":12345678,\"message\":[{\"type\":\"reply\","
                + "\"data\":{\"id\":\"77\"}},{\"type\":\"text\",\"data\":{\"text\":\"✅ 已绑定\"}}],\"auto_escape\":false}");
    }

    @Test
    void uploadsAFileToAGroupOrAUserAsBase64WithItsName() throws Exception {
        server.enqueue(json(200, OK));
        server.enqueue(json(200, OK));
        ChatFile ledger = new ChatFile("台账_全市_2026-11-01_2026-11-30.xlsx", new byte[] { 'P', 'K', 3, 4 });

        sender("t").send(GROUP, Reply.file(ledger));
        sender("t").sendPrivate(new UserRef("onebot", "12345678"), Reply.file(ledger));

        RecordedRequest toGroup = server.takeRequest();
        assertThat(toGroup.getUrl().encodedPath()).isEqualTo("/upload_group_file");
        assertThat(toGroup.getBody().utf8()).isEqualTo(
                "{\"group_id\":987654321,\"file\":\"base64://UEsDBA==\",\"name\":\"台账_全市_2026-11-01_2026-11-30.xlsx\"}");
        RecordedRequest toUser = server.takeRequest();
        assertThat(toUser.getUrl().encodedPath()).isEqualTo("/upload_private_file");
        assertThat(toUser.getBody().utf8()).isEqualTo(
                "{\"user_id\":12345678,\"file\":\"base64://UEsDBA==\",\"name\":\"台账_全市_2026-11-01_2026-11-30.xlsx\"}");
        assertThat(new OneBotSender.UploadPrivateFile(12345678L, "base64://UEsDBA==", "a.xlsx").toString())
            .as("the bytes stay out of logs")
            .doesNotContain("UEsDBA");
    }

    @Test
    void aPlatformWithoutPrivateChatsRefusesThemForGood() {
        ChatSender groupsOnly = new ChatSender() {
            @Override
            public String platform() {
                return "wecom";
            }

            @Override
            public void send(GroupRef group, Reply reply) {
            }
        };

        assertThatThrownBy(() -> groupsOnly.sendPrivate(new UserRef("wecom", "u1"), Reply.text("好")))
            .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.errorCode()).isEqualTo("private_not_supported");
            });
    }

    @Test
    void sendsNoAuthorizationWithoutAToken() throws Exception {
        server.enqueue(json(200, OK));

        sender(null).send(GROUP, Reply.text("好"));

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void appendsTheActionToABaseUrlWithAPath() throws Exception {
        server.enqueue(json(200, OK));
        OneBotSender sender = new OneBotSender(shared, server.url("/napcat/").uri(), null);

        sender.send(GROUP, Reply.text("好"));

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/napcat/send_group_msg");
    }

    @Test
    void sendsTheImageAsBase64Segment() throws Exception {
        server.enqueue(json(200, OK));

        sender("t").send(GROUP, new Reply("今日汇总", "iVBORw0KGgo="));

        assertThat(server.takeRequest().getBody().utf8())
            .isEqualTo("{\"group_id\":987654321,\"message\":[" + "{\"type\":\"text\",\"data\":{\"text\":\"今日汇总\"}},"
                    + "{\"type\":\"image\",\"data\":{\"file\":\"base64://iVBORw0KGgo=\"}}],\"auto_escape\":false}");
    }

    @Test
    void sendsMentionsAsAtSegmentsOnALineAfterTheText() throws Exception {
        server.enqueue(json(200, OK));

        sender("t").send(GROUP, Reply.text("还未上报：锦江区 三圣街道社工站")
            .mentioning(List.of(new Reply.Mention("10001", "张三"), new Reply.Mention("10002", "李四"))));

        assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"group_id\":987654321,\"message\":["
                + "{\"type\":\"text\",\"data\":{\"text\":\"还未上报：锦江区 三圣街道社工站\"}},"
                + "{\"type\":\"text\",\"data\":{\"text\":\"\\n\"}},{\"type\":\"at\",\"data\":{\"qq\":\"10001\"}},"
                + "{\"type\":\"text\",\"data\":{\"text\":\" \"}},{\"type\":\"at\",\"data\":{\"qq\":\"10002\"}}],"
                + "\"auto_escape\":false}");
    }

    @Test
    void sendsANonNumericGroupIdAsText() throws Exception {
        server.enqueue(json(200, OK));

        sender("t").send(new GroupRef("onebot", "g-1"), Reply.text("好"));

        assertThat(server.takeRequest().getBody().utf8()).startsWith("{\"group_id\":\"g-1\",");
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 503, 429 })
    void serverErrorsAndRateLimitsAreRetryable(int status) {
        server.enqueue(json(status, "{\"status\":\"failed\",\"retcode\":" + status + "}"));

        assertThatExceptionOfType(PlatformCallException.class)
            .isThrownBy(() -> sender("t").send(GROUP, Reply.text("好")))
            .satisfies(e -> {
                assertThat(e.platform()).isEqualTo("onebot");
                assertThat(e.status()).isEqualTo(status);
                assertThat(e.retryable()).isTrue();
            });
    }

    @Test
    void aRefusedTokenIsNotRetryable() {
        server.enqueue(json(403, "{\"message\":\"token verify failed!\"}"));

        assertThatExceptionOfType(PlatformCallException.class)
            .isThrownBy(() -> sender("wrong").send(GROUP, Reply.text("好")))
            .satisfies(e -> {
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("token verify failed!").doesNotContain("wrong");
            });
    }

    @Test
    void aFailedEnvelopeIsNotRetryableAndCarriesTheWording() {
        server.enqueue(json(200, "{\"status\":\"failed\",\"retcode\":100,\"data\":null,"
                + "\"message\":\"group not found\",\"wording\":\"群不存在\"}"));

        assertThatExceptionOfType(PlatformCallException.class)
            .isThrownBy(() -> sender("t").send(GROUP, Reply.text("好")))
            .satisfies(e -> {
                assertThat(e.status()).isEqualTo(200);
                assertThat(e.errorCode()).isEqualTo("100");
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("群不存在");
            });
    }

    @Test
    void aNonZeroRetcodeWithoutStatusIsAFailure() {
        server.enqueue(json(200, "{\"retcode\":1404,\"msg\":\"bad\"}"));

        assertThatExceptionOfType(PlatformCallException.class)
            .isThrownBy(() -> sender("t").send(GROUP, Reply.text("好")))
            .satisfies(e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void aSuccessWithoutAnEnvelopeIsNotRetryableSoItCannotPostTwice() {
        server.enqueue(new MockResponse.Builder().code(200).body("<html>proxy</html>").build());

        assertThatExceptionOfType(PlatformCallException.class)
            .isThrownBy(() -> sender("t").send(GROUP, Reply.text("好")))
            .satisfies(e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void aTransportErrorIsRetryableWithStatusZero() {
        OneBotSender unreachable = new OneBotSender(shared, URI.create("http://127.0.0.1:1"), null);

        assertThatExceptionOfType(PlatformCallException.class)
            .isThrownBy(() -> unreachable.send(GROUP, Reply.text("好")))
            .satisfies(e -> {
                assertThat(e.status()).isZero();
                assertThat(e.retryable()).isTrue();
            });
    }

    @Test
    void refusesBlankAndOverlongTextBeforeCalling() {
        OneBotSender sender = sender("t");

        assertThatIllegalArgumentException().isThrownBy(() -> sender.send(GROUP, Reply.text("  ")));
        assertThatIllegalArgumentException().isThrownBy(() -> sender.send(GROUP, Reply.text("字".repeat(4501))))
            .withMessageContaining("split");
        assertThatIllegalArgumentException().isThrownBy(() -> sender.send(new GroupRef("wecom", "1"), Reply.text("好")));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void acceptsTextAtTheLengthLimit() throws Exception {
        server.enqueue(json(200, OK));

        sender("t").send(GROUP, Reply.text("字".repeat(OneBotSender.MAX_TEXT_LENGTH)));

        assertThat(server.takeRequest().getBodySize()).isPositive();
    }

    private OneBotSender sender(@Nullable String token) {
        return new OneBotSender(shared, server.url("/").uri(), token);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

}
