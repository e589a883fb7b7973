package cn.cdsw.tallybot.platform.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import cn.cdsw.tallybot.e2e.TestSupport;
import cn.cdsw.tallybot.summary.CjkFont;
import tools.jackson.databind.JsonNode;

/**
 * The Feishu adapter end to end: encrypted, signed callbacks in through
 * {@code /webhook/feishu}, replies and the daily post out to Feishu's API played by
 * {@link FeishuFake}, with a configuration whose summary group is a Feishu chat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeishuWebhookIntegrationTests {

    static final String CHAT = "oc_5ad11d72b830411d72b836c20";

    static final String ENCRYPT_KEY = "feishu-encrypt-key";

    static final String VERIFICATION_TOKEN = "feishu-verification-token";

    static final String API_TOKEN = "feishu-test-api-token";

    static final FeishuFake FEISHU = new FeishuFake();

    static final Path CONFIG = configWithFeishuGroup();

    static final AtomicLong IDS = new AtomicLong(1);

    final FeishuCrypto crypto = new FeishuCrypto(ENCRYPT_KEY);

    final OkHttpClient http = new OkHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-feishu"));
        registry.add("tallybot.config-dir", CONFIG::toString);
        registry.add("tallybot.api.token", () -> API_TOKEN);
        registry.add("tallybot.summary.enabled", () -> "false");
        registry.add("tallybot.feishu.app-id", () -> "cli_test");
        registry.add("tallybot.feishu.app-secret", () -> "feishu-app-secret");
        registry.add("tallybot.feishu.encrypt-key", () -> ENCRYPT_KEY);
        registry.add("tallybot.feishu.verification-token", () -> VERIFICATION_TOKEN);
        registry.add("tallybot.feishu.api-url", FEISHU::url);
    }

    @AfterAll
    static void stop() {
        FEISHU.close();
        FileSystemUtils.deleteRecursively(CONFIG.toFile());
    }

    @LocalServerPort
    int port;

    @Test
    void answersTheUrlChallengeEncryptedAsFeishuSendsIt() throws IOException {
        String challenge = "{\"challenge\":\"ajls384kdjx98XX\",\"token\":\"" + VERIFICATION_TOKEN
                + "\",\"type\":\"url_verification\"}";

        Answer answer = post(encrypted(challenge), Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"challenge\":\"ajls384kdjx98XX\"}");
        String wrongToken = challenge.replace(VERIFICATION_TOKEN, "guessed");
        assertThat(post(encrypted(wrongToken), Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aReportIsStoredOnceAndConfirmedAsAReplyToIt() throws IOException {
        String messageId = "om_report_" + IDS.incrementAndGet();
        String body = encrypted(event(messageId, "@_user_1 #上报 锦江区 三圣街道社工站 走访12户"));

        assertThat(postSigned(body).status()).isEqualTo(200);
        assertThat(postSigned(body).status()).as("Feishu pushes an event again when unsure").isEqualTo(200);

        FeishuFake.Call reply = awaitMessage("/open-apis/im/v1/messages/" + messageId + "/reply");
        assertThat(reply.authorization()).isEqualTo("Bearer t-fake");
        JsonNode sent = FeishuJson.MAPPER.readTree(reply.body());
        assertThat(sent.path("msg_type").asString()).isEqualTo("text");
        assertThat(FeishuJson.MAPPER.readTree(sent.path("content").asString()).path("text").asString())
            .contains("锦江区·三圣街道社工站")
            .contains("走访12户");
        assertThat(sent.path("uuid").asString()).hasSize(32);
        assertThat(records("锦江区", "三圣街道社工站")).as("the redelivery stored nothing more").isEqualTo(1);
        await().during(Duration.ofMillis(500))
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(FEISHU.messages().stream().filter(call -> call.path().contains(messageId)))
                .as("and was not answered twice")
                .hasSize(1));
    }

    @Test
    void aQueryIsAnsweredInTheChat() throws IOException {
        postSigned(encrypted(event("om_q1_" + IDS.incrementAndGet(), "@_user_1 #上报 青羊区 琴台路社区社工室 走访5户")));
        String query = "om_query_" + IDS.incrementAndGet();

        postSigned(encrypted(event(query, "@_user_1 #统计 青羊区 今天")));

        FeishuFake.Call reply = awaitMessage("/open-apis/im/v1/messages/" + query + "/reply");
        String text = FeishuJson.MAPPER.readTree(FeishuJson.MAPPER.readTree(reply.body()).path("content").asString())
            .path("text")
            .asString();
        assertThat(text).contains("青羊区").contains("走访5户");
    }

    @Test
    void aForgedOrUnsignedOrReplayedEventIsRefusedAndStoresNothing() throws IOException {
        String body = encrypted(event("om_forged_" + IDS.incrementAndGet(), "@_user_1 #上报 金牛区 荷花池街道社工站 走访99户"));
        String now = Long.toString(Instant.now().getEpochSecond());

        Answer forged = post(body, Map.of("X-Lark-Request-Timestamp", now, "X-Lark-Request-Nonce", "n1",
                "X-Lark-Signature", new FeishuCrypto("not-the-key").signature(now, "n1", body)));
        Answer unsigned = post(body, Map.of());
        String old = Long.toString(Instant.now().minus(Duration.ofHours(2)).getEpochSecond());
        Answer replayed = post(body, Map.of("X-Lark-Request-Timestamp", old, "X-Lark-Request-Nonce", "n1",
                "X-Lark-Signature", crypto.signature(old, "n1", body)));
        Answer plain = post(event("om_plain_" + IDS.incrementAndGet(), "@_user_1 #上报 金牛区 荷花池街道社工站 走访99户"), Map.of());
        Answer garbage = postSigned("{\"encrypt\":\"bm90IHJlYWxseSBlbmNyeXB0ZWQ=\"}");

        assertThat(forged.status()).isEqualTo(401);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(plain.status()).as("with an Encrypt Key set, Feishu encrypts everything").isEqualTo(401);
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(forged.body() + unsigned.body() + garbage.body()).doesNotContain(ENCRYPT_KEY).doesNotContain("荷花池");
        assertThat(records("金牛区", "荷花池街道社工站")).isZero();
    }

    @Test
    void theDailyPostReachesTheFeishuChatOnceWithItsChart() throws IOException {
        postSigned(encrypted(event("om_daily_" + IDS.incrementAndGet(), "@_user_1 #上报 成华区 猛追湾街道社工站 走访7户")));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        api("POST", "/api/v1/summary?date=" + today);
        await().atMost(Duration.ofSeconds(20))
            .until(() -> api("GET", "/api/v1/summary?date=" + today).path("posts").path(0).path("status").asString(),
                    "sent"::equals);
        api("POST", "/api/v1/summary?date=" + today);

        var posted = FEISHU.messages()
            .stream()
            .filter(call -> call.path().endsWith("receive_id_type=chat_id"))
            .map(call -> FeishuJson.MAPPER.readTree(call.body()))
            .toList();
        JsonNode text = posted.stream()
            .filter(m -> m.path("msg_type").asString().equals("text"))
            .findFirst()
            .orElseThrow();
        assertThat(text.path("receive_id").asString()).isEqualTo(CHAT);
        assertThat(text.path("content").asString()).contains("成华区").contains("每日战报").doesNotContain("base64");
        long images = posted.stream().filter(m -> m.path("msg_type").asString().equals("image")).count();
        if (CjkFont.installed().isPresent()) {
            assertThat(images).as("the chart, uploaded and sent after the text").isEqualTo(1);
            assertThat(posted.get(posted.size() - 1).path("content").asString()).contains("img_fake");
        }
        else {
            assertThat(images).isZero();
        }
        assertThat(posted.stream().filter(m -> m.path("msg_type").asString().equals("text")))
            .as("posted once, though asked twice")
            .hasSize(1);
        assertThat(FEISHU.tokenFetches()).as("the token is cached").isEqualTo(1);
    }

    // --- helpers

    record Answer(int status, String body) {
    }

    String event(String messageId, String text) {
        String content = FeishuJson.MAPPER.writeValueAsString(Map.of("text", text));
        return """
                {"schema":"2.0","header":{"event_id":"ev_%s","event_type":"im.message.receive_v1",
                 "create_time":"%d","token":"%s","app_id":"cli_test","tenant_key":"t1"},
                 "event":{"sender":{"sender_id":{"open_id":"ou_member_7","user_id":"u7","union_id":"on_7"},
                   "sender_type":"user","tenant_key":"t1"},
                  "message":{"message_id":"%s","create_time":"%d","chat_id":"%s","chat_type":"group",
                   "message_type":"text","content":%s,
                   "mentions":[{"key":"@_user_1","id":{"open_id":"ou_bot"},"name":"台账机器人","tenant_key":"t1"}]}}}
                """.formatted(messageId, Instant.now().toEpochMilli(), VERIFICATION_TOKEN, messageId,
                Instant.now().toEpochMilli(), CHAT, FeishuJson.MAPPER.writeValueAsString(content));
    }

    String encrypted(String plain) {
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        return "{\"encrypt\":\"" + crypto.encrypt(plain, iv) + "\"}";
    }

    Answer postSigned(String body) throws IOException {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = "nonce" + IDS.incrementAndGet();
        return post(body, Map.of("X-Lark-Request-Timestamp", timestamp, "X-Lark-Request-Nonce", nonce,
                "X-Lark-Signature", crypto.signature(timestamp, nonce, body)));
    }

    Answer post(String body, Map<String, String> headers) throws IOException {
        Request.Builder request = new Request.Builder().url("http://127.0.0.1:" + port + "/webhook/feishu")
            .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")));
        headers.forEach(request::header);
        try (Response response = http.newCall(request.build()).execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    JsonNode api(String method, String path) {
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + path)
            .header("Authorization", "Bearer " + API_TOKEN)
            .method(method, method.equals("POST") ? RequestBody.create(new byte[0]) : null)
            .build();
        try (Response response = http.newCall(request).execute()) {
            return FeishuJson.MAPPER.readTree(response.body().string());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int records(String district, String unit) {
        JsonNode page = api("GET", "/api/v1/records?district=" + district + "&limit=1000");
        int count = 0;
        for (JsonNode record : page.path("records")) {
            count += unit.equals(record.path("unit").asString()) ? 1 : 0;
        }
        return count;
    }

    FeishuFake.Call awaitMessage(String path) {
        return await().atMost(Duration.ofSeconds(20))
            .until(() -> FEISHU.messages().stream().filter(call -> call.path().equals(path)).findFirst(),
                    java.util.Optional::isPresent)
            .orElseThrow();
    }

    /**
     * The repository's bot-config, with one Feishu chat as the only group, posting the
     * summary.
     */
    static Path configWithFeishuGroup() {
        try {
            Path dir = Files.createTempDirectory("tallybot-feishu-config");
            FileSystemUtils.copyRecursively(Path.of("bot-config"), dir);
            Files.writeString(dir.resolve("groups.yml"), """
                    groups:
                      - platform: feishu
                        id: "%s"
                        name: 飞书测试群
                        summary: true
                    """.formatted(CHAT));
            return dir;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
