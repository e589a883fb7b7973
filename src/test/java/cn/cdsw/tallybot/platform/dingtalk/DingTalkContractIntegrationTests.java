package cn.cdsw.tallybot.platform.dingtalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cdsw.tallybot.platform.AdapterContractTests;

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

    private int post(String messageId, String senderId, String text, String secret) {
        long now = clock.millis();
        Map<String, Object> callback = Map.ofEntries(Map.entry("msgtype", "text"),
                Map.entry("text", Map.of("content", " " + text)), Map.entry("msgId", "msg" + messageId),
                Map.entry("createAt", now), Map.entry("conversationType", "2"), Map.entry("conversationId", GROUP),
                Map.entry("conversationTitle", "契约测试群"), Map.entry("senderId", "$:LWCP_v1:$" + senderId),
                Map.entry("senderStaffId", senderId), Map.entry("senderNick", "社工" + senderId),
                Map.entry("isAdmin", false), Map.entry("isInAtList", true),
                Map.entry("sessionWebhook", DINGTALK.sessionWebhook(GROUP)),
                Map.entry("sessionWebhookExpiredTime", now + 90 * 60_000L), Map.entry("robotCode", "dingContractKey"));
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/webhook/dingtalk")
            .header("timestamp", Long.toString(now))
            .header("sign", DingTalkVerifier.sign(secret, Long.toString(now)))
            .post(RequestBody.create(DingTalkJson.MAPPER.writeValueAsBytes(callback),
                    MediaType.get("application/json; charset=utf-8")))
            .build();
        try (Response response = HTTP.newCall(request).execute()) {
            return response.code();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
