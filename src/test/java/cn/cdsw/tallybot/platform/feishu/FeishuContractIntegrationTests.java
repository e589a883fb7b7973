package cn.cdsw.tallybot.platform.feishu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cdsw.tallybot.platform.AdapterContractTests;
import tools.jackson.databind.JsonNode;

/**
 * The Feishu adapter passes the adapter contract: encrypted, signed event callbacks in,
 * Feishu's open platform (token, messages, replies, images) played by {@link FeishuFake}.
 * Replies are Feishu replies to the member's message; the daily post goes to the chat,
 * its chart as an uploaded image. Beyond the contract: the URL challenge, every way a
 * callback can be forged, and what a reply carries.
 */
class FeishuContractIntegrationTests extends AdapterContractTests {

    static final String CHAT = "oc_5ad11d72b830411d72b836c20";

    static final String ENCRYPT_KEY = "feishu-encrypt-key";

    static final String VERIFICATION_TOKEN = "feishu-verification-token";

    static final FeishuFake FEISHU = new FeishuFake();

    private static final OkHttpClient HTTP = new OkHttpClient();

    private final FeishuCrypto crypto = new FeishuCrypto(ENCRYPT_KEY);

    @DynamicPropertySource
    static void feishuProperties(DynamicPropertyRegistry registry) {
        registry.add("tallybot.config-dir", () -> configDirWith("feishu", CHAT));
        registry.add("tallybot.feishu.app-id", () -> "cli_contract");
        registry.add("tallybot.feishu.app-secret", () -> "feishu-app-secret");
        registry.add("tallybot.feishu.encrypt-key", () -> ENCRYPT_KEY);
        registry.add("tallybot.feishu.verification-token", () -> VERIFICATION_TOKEN);
        registry.add("tallybot.feishu.api-url", FEISHU::url);
    }

    @AfterAll
    static void stop() {
        FEISHU.close();
    }

    @Override
    protected String platform() {
        return "feishu";
    }

    @Override
    protected String groupId() {
        return CHAT;
    }

    @Override
    protected int deliver(String messageId, String senderId, String text) {
        return postSigned(encrypted(event(messageId, senderId, "@_user_1 " + text)), crypto).status();
    }

    @Override
    protected int forge(String messageId, String senderId, String text) {
        return postSigned(encrypted(event(messageId, senderId, "@_user_1 " + text)), new FeishuCrypto("not-the-key"))
            .status();
    }

    @Override
    protected List<Delivered> delivered() {
        List<Delivered> messages = new ArrayList<>();
        for (FeishuFake.Call call : FEISHU.messages()) {
            JsonNode sent = FeishuJson.MAPPER.readTree(call.body());
            boolean toChat = CHAT.equals(sent.path("receive_id").asString());
            boolean reply = call.path().endsWith("/reply");
            if (!toChat && !reply) {
                continue;
            }
            JsonNode content = FeishuJson.MAPPER.readTree(sent.path("content").asString());
            if ("image".equals(sent.path("msg_type").asString()) && !messages.isEmpty()) {
                Delivered text = messages.remove(messages.size() - 1);
                messages.add(new Delivered(text.text(), true));
            }
            else {
                messages.add(new Delivered(content.path("text").asString(), false));
            }
        }
        return messages;
    }

    @Test
    void answersTheUrlChallengeEncryptedAsFeishuSendsIt() {
        String challenge = "{\"challenge\":\"ajls384kdjx98XX\",\"token\":\"" + VERIFICATION_TOKEN
                + "\",\"type\":\"url_verification\"}";

        Answer answer = post(encrypted(challenge), Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"challenge\":\"ajls384kdjx98XX\"}");
        assertThat(post(encrypted(challenge.replace(VERIFICATION_TOKEN, "guessed")), Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aReplyQuotesTheMessageWithTheCachedTokenAndAKeyForRepeats() {
        String messageId = nextId();
        deliver(messageId, "ou_member_9", "#上报 新都区 大丰街道社工站 走访3户");

        awaitReply(r -> r.text().contains("大丰街道社工站") && r.text().contains("走访3户"));
        FeishuFake.Call reply = FEISHU.messages()
            .stream()
            .filter(call -> call.path().equals("/open-apis/im/v1/messages/om_" + messageId + "/reply"))
            .findFirst()
            .orElseThrow();
        assertThat(reply.authorization()).isEqualTo("Bearer t-fake");
        assertThat(FeishuJson.MAPPER.readTree(reply.body()).path("uuid").asString()).hasSize(32);
        assertThat(FEISHU.tokenFetches()).as("one token for every call").isEqualTo(1);
    }

    @Test
    void everyForgeryIsRefusedWithoutSayingWhatItCarried() {
        String body = encrypted(event(nextId(), "ou_x", "@_user_1 #上报 金牛区 荷花池街道社工站 走访99户"));
        String stale = Long.toString(clock.instant().minus(Duration.ofHours(2)).getEpochSecond());

        Answer unsigned = post(body, Map.of());
        Answer replayed = post(body, Map.of("X-Lark-Request-Timestamp", stale, "X-Lark-Request-Nonce", "n1",
                "X-Lark-Signature", crypto.signature(stale, "n1", body)));
        Answer plain = postSigned(event(nextId(), "ou_x", "@_user_1 #上报 金牛区 荷花池街道社工站 走访99户"), crypto);
        Answer undecryptable = postSigned("{\"encrypt\":\"bm90IHJlYWxseSBlbmNyeXB0ZWQ=\"}", crypto);
        Answer wrongToken = postSigned(
                encrypted(event(nextId(), "ou_x", "#帮助").replace(VERIFICATION_TOKEN, "another-app")), crypto);

        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(plain.status()).as("with an Encrypt Key set, Feishu encrypts everything").isEqualTo(401);
        assertThat(undecryptable.status()).isEqualTo(400);
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(unsigned.body() + replayed.body() + plain.body() + undecryptable.body()).doesNotContain(ENCRYPT_KEY)
            .doesNotContain("荷花池");
    }

    // --- helpers

    record Answer(int status, String body) {
    }

    private String event(String messageId, String senderId, String text) {
        long now = clock.millis();
        String content = FeishuJson.MAPPER.writeValueAsString(Map.of("text", text));
        return """
                {"schema":"2.0","header":{"event_id":"ev_%s","event_type":"im.message.receive_v1",
                 "create_time":"%d","token":"%s","app_id":"cli_contract","tenant_key":"t1"},
                 "event":{"sender":{"sender_id":{"open_id":"%s","user_id":"u","union_id":"on"},
                   "sender_type":"user","tenant_key":"t1"},
                  "message":{"message_id":"om_%s","create_time":"%d","chat_id":"%s","chat_type":"group",
                   "message_type":"text","content":%s,
                   "mentions":[{"key":"@_user_1","id":{"open_id":"ou_bot"},"name":"台账机器人","tenant_key":"t1"}]}}}
                """.formatted(messageId, now, VERIFICATION_TOKEN, senderId, messageId, now, CHAT,
                FeishuJson.MAPPER.writeValueAsString(content));
    }

    private String encrypted(String plain) {
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        return "{\"encrypt\":\"" + crypto.encrypt(plain, iv) + "\"}";
    }

    private Answer postSigned(String body, FeishuCrypto signer) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = "nonce" + nextId();
        return post(body, Map.of("X-Lark-Request-Timestamp", timestamp, "X-Lark-Request-Nonce", nonce,
                "X-Lark-Signature", signer.signature(timestamp, nonce, body)));
    }

    private Answer post(String body, Map<String, String> headers) {
        Request.Builder request = new Request.Builder().url("http://127.0.0.1:" + port + "/webhook/feishu")
            .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")));
        headers.forEach(request::header);
        try (Response response = HTTP.newCall(request.build()).execute()) {
            return new Answer(response.code(), response.body().string());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
