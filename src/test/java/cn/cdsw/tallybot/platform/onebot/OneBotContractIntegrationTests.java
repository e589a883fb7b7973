package cn.cdsw.tallybot.platform.onebot;

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
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cdsw.tallybot.platform.AdapterContractTests;
import cn.cdsw.tallybot.testing.OneBotApiStub;

/**
 * The OneBot adapter passes the adapter contract, which shows the contract asks nothing
 * platform-specific: events signed with {@code X-Signature}, replies and the daily post
 * through {@code send_group_msg} (API reply mode) on {@link OneBotApiStub}.
 */
class OneBotContractIntegrationTests extends AdapterContractTests {

    static final String GROUP = "5550001";

    static final String SECRET = "onebot-secret";

    static final OneBotApiStub ONEBOT = new OneBotApiStub();

    private static final OkHttpClient HTTP = new OkHttpClient();

    @DynamicPropertySource
    static void oneBotProperties(DynamicPropertyRegistry registry) {
        registry.add("tallybot.config-dir", () -> configDirWith("onebot", GROUP));
        registry.add("tallybot.onebot.secret", () -> SECRET);
        registry.add("tallybot.onebot.reply-mode", () -> "api");
        registry.add("tallybot.onebot.api-url", ONEBOT::url);
        registry.add("tallybot.onebot.access-token", () -> OneBotApiStub.TOKEN);
    }

    @AfterAll
    static void stop() {
        ONEBOT.close();
    }

    @Override
    protected String platform() {
        return "onebot";
    }

    @Override
    protected String groupId() {
        return GROUP;
    }

    @Override
    protected int deliver(String messageId, String senderId, String text) {
        return post(messageId, senderId, text, SECRET);
    }

    @Override
    protected int forge(String messageId, String senderId, String text) {
        return post(messageId, senderId, text, "not-the-secret");
    }

    @Override
    protected List<Delivered> delivered() {
        List<Delivered> messages = new ArrayList<>();
        for (OneBotApiStub.Call call : ONEBOT.calls()) {
            if (!call.accepted() || !GROUP.equals(call.groupId())) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            boolean image = false;
            for (JsonNode segment : OneBotJson.MAPPER.readTree(call.body()).path("message")) {
                String type = segment.path("type").asString();
                if ("text".equals(type)) {
                    text.append(segment.path("data").path("text").asString());
                }
                image |= "image".equals(type);
            }
            messages.add(new Delivered(text.toString(), image));
        }
        return messages;
    }

    private int post(String messageId, String senderId, String text, String secret) {
        byte[] event = OneBotJson.MAPPER.writeValueAsBytes(Map.of("time", clock.instant().getEpochSecond(), "self_id",
                10001000L, "post_type", "message", "message_type", "group", "message_id", Long.parseLong(messageId),
                "group_id", Long.parseLong(GROUP), "user_id", Long.parseLong(senderId), "message",
                List.of(Map.of("type", "text", "data", Map.of("text", text))), "sender",
                Map.of("user_id", Long.parseLong(senderId), "nickname", "社工" + senderId, "role", "member")));
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/webhook/onebot")
            .header("X-Signature", OneBotSigner.sign(secret, event))
            .post(RequestBody.create(event, MediaType.get("application/json")))
            .build();
        try (Response response = HTTP.newCall(request).execute()) {
            return response.code();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
