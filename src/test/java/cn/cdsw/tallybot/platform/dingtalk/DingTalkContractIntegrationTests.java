package cn.cdsw.tallybot.platform.dingtalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cdsw.tallybot.platform.AdapterContractTests;
import cn.cdsw.tallybot.testing.LogCapture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DingTalk adapter passes the adapter contract: robot callbacks signed with the app
 * secret, DingTalk's API (token, group send, media upload, session webhooks) played by
 * {@link FakeDingTalk}. Replies go through each message's session webhook; the daily post
 * through the group-send API, its chart as an uploaded image.
 */
class DingTalkContractIntegrationTests extends AdapterContractTests {

    static final String GROUP = "cidContract==";

    static final FakeDingTalk DINGTALK = new FakeDingTalk();

    private static final OkHttpClient HTTP = new OkHttpClient();

    @RegisterExtension
    final LogCapture log = LogCapture.of(DingTalkVerifier.class);

    @DynamicPropertySource
    static void dingTalkProperties(DynamicPropertyRegistry registry) {
        registry.add("tallybot.config-dir", () -> configDirWith("dingtalk", GROUP));
        registry.add("tallybot.dingtalk.app-key", () -> "dingContractKey");
        registry.add("tallybot.dingtalk.app-secret", () -> DingTalkVerifierTests.SECRET);
        registry.add("tallybot.dingtalk.api-url", () -> DINGTALK.url().toString());
        registry.add("tallybot.dingtalk.oapi-url", () -> DINGTALK.url().toString());
    }

    @AfterAll
    static void stop() {
        DINGTALK.close();
    }

    @Test
    void refusesMissingOrStaleHeadersWithoutLoggingTheSecretOrTheBody() {
        long now = clock.millis();
        byte[] body = DingTalkJson.MAPPER
            .writeValueAsBytes(callback(nextId(), "20001", "#上报 武侯区 玉林街道社工站 走访5户", now, GROUP));
        String sign = DingTalkVerifier.sign(DingTalkVerifierTests.SECRET, Long.toString(now));
        String stale = Long.toString(now - Duration.ofHours(2).toMillis());

        assertThat(call(body, null, sign).status()).isEqualTo(401);
        assertThat(call(body, Long.toString(now), null).status()).isEqualTo(401);
        Answer refused = call(body, stale, DingTalkVerifier.sign(DingTalkVerifierTests.SECRET, stale));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("\"status\":401").doesNotContain(DingTalkVerifierTests.SECRET);

        assertThat(log.warnings()).hasSize(3)
            .allSatisfy(line -> assertThat(line).startsWith("DingTalk callback refused")
                .doesNotContain(DingTalkVerifierTests.SECRET)
                .doesNotContain(sign)
                .doesNotContain("玉林"));
    }

    @Test
    void refusesWhatIsNotAMessageAndWhatIsTooLarge() {
        String now = Long.toString(clock.millis());
        String sign = DingTalkVerifier.sign(DingTalkVerifierTests.SECRET, now);

        assertThat(post("{\"msgtype\":".getBytes(StandardCharsets.UTF_8), now, sign)).isEqualTo(400);
        assertThat(
                post("{\"msgtype\":\"text\",\"conversationType\":\"2\"}".getBytes(StandardCharsets.UTF_8), now, sign))
            .isEqualTo(400);
        assertThat(post(new byte[70_000], now, sign)).isEqualTo(413);
    }

    @Test
    void staysSilentInAGroupItDoesNotServe() {
        long now = clock.millis();
        int sent = DINGTALK.sent().size();

        assertThat(post(callback(nextId(), "20002", "#帮助", now, "cidElsewhere=="), Long.toString(now),
                DingTalkVerifier.sign(DingTalkVerifierTests.SECRET, Long.toString(now))))
            .isEqualTo(200);

        assertThat(DINGTALK.sent()).hasSize(sent);
    }

    @Override
    protected String platform() {
        return "dingtalk";
    }

    @Override
    protected String groupId() {
        return GROUP;
    }

    @Override
    protected int deliver(String messageId, String senderId, String text) {
        return post(messageId, senderId, text, DingTalkVerifierTests.SECRET);
    }

    @Override
    protected int forge(String messageId, String senderId, String text) {
        return post(messageId, senderId, text, "notTheAppSecret");
    }

    @Override
    protected List<Delivered> delivered() {
        List<Delivered> messages = new ArrayList<>();
        for (FakeDingTalk.Sent sent : DINGTALK.sentTo(GROUP)) {
            if ("image".equals(sent.kind()) && !messages.isEmpty()) {
                Delivered text = messages.remove(messages.size() - 1);
                messages.add(new Delivered(text.text(), true));
            }
            else {
                messages.add(new Delivered(sent.content(), false));
            }
        }
        return messages;
    }

    record Answer(int status, String body) {
    }

    private int post(String messageId, String senderId, String text, String secret) {
        long now = clock.millis();
        return post(callback(messageId, senderId, text, now, GROUP), Long.toString(now),
                DingTalkVerifier.sign(secret, Long.toString(now)));
    }

    private Map<String, Object> callback(String messageId, String senderId, String text, long now, String group) {
        return Map.ofEntries(Map.entry("msgtype", "text"), Map.entry("text", Map.of("content", " " + text)),
                Map.entry("msgId", "msg" + messageId), Map.entry("createAt", now), Map.entry("conversationType", "2"),
                Map.entry("conversationId", group), Map.entry("conversationTitle", "契约测试群"),
                Map.entry("senderId", "$:LWCP_v1:$" + senderId), Map.entry("senderStaffId", senderId),
                Map.entry("senderNick", "社工" + senderId), Map.entry("isAdmin", false), Map.entry("isInAtList", true),
                Map.entry("sessionWebhook", DINGTALK.sessionWebhook(group)),
                Map.entry("sessionWebhookExpiredTime", now + 90 * 60_000L), Map.entry("robotCode", "dingContractKey"));
    }

    private int post(Object body, String timestamp, String sign) {
        return call(body instanceof byte[] bytes ? bytes : DingTalkJson.MAPPER.writeValueAsBytes(body), timestamp, sign)
            .status();
    }

    private Answer call(byte[] body, @Nullable String timestamp, @Nullable String sign) {
        Request.Builder request = new Request.Builder().url("http://127.0.0.1:" + port + "/webhook/dingtalk")
            .post(RequestBody.create(body, MediaType.get("application/json; charset=utf-8")));
        if (timestamp != null) {
            request.header("timestamp", timestamp);
        }
        if (sign != null) {
            request.header("sign", sign);
        }
        try (Response response = HTTP.newCall(request.build()).execute()) {
            return new Answer(response.code(), response.body().string());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
