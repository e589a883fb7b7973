package cn.cdsw.tallybot.platform.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import cn.cdsw.tallybot.testing.TestServices;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application behind {@code /webhook/wecom}, with WeCom's API and the group
 * robot's webhook played by a MockWebServer: callbacks are encrypted and signed as WeCom
 * does, replies are read where WeCom would receive them. The same conversation every
 * adapter holds: a report stored and answered, a query answered, the daily post once with
 * its image, a forged callback refused with nothing stored, a redelivery ignored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WeComAdapterTests {

    static final String TOKEN = "wecomToken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String CORP_ID = "ww0000000000000000";
    static final String CHAT = "wrkSFfCgAAtallybotTestChat";
    static final String AGENT = "1000002";
    static final String API_TOKEN = "wecom-api-token";
    static final Instant NOON = Instant.parse("2026-11-29T04:00:00Z");

    static final MockWebServer WECOM = started();

    static final WeComCrypto CRYPTO = new WeComCrypto(TOKEN, AES_KEY);

    static final OkHttpClient HTTP = new OkHttpClient();

    static final AtomicLong IDS = new AtomicLong(1000);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + tempDir("tallybot-wecom").resolve("tallybot.db"));
        registry.add("tallybot.config-dir", WeComAdapterTests::configWithWeComGroups);
        registry.add("tallybot.api.token", () -> API_TOKEN);
        registry.add("tallybot.summary.enabled", () -> "false");
        registry.add("tallybot.wecom.token", () -> TOKEN);
        registry.add("tallybot.wecom.aes-key", () -> AES_KEY);
        registry.add("tallybot.wecom.receive-id", () -> CORP_ID);
        registry.add("tallybot.wecom.api-url", () -> WECOM.url("/").toString());
        registry.add("tallybot.wecom.webhook-url",
                () -> WECOM.url("/cgi-bin/webhook/send")
                    .newBuilder()
                    .addQueryParameter("key", "robot-key")
                    .build()
                    .toString());
    }

    @TestConfiguration
    static class NoonClock {

        @Bean
        @Primary
        Clock noonClock() {
            return Clock.fixed(NOON, ZoneOffset.UTC);
        }

    }

    @AfterAll
    static void stop() {
        WECOM.close();
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void nothingLeftOver() throws InterruptedException {
        while (WECOM.takeRequest(100, TimeUnit.MILLISECONDS) != null) {
            // a request another test did not wait for
        }
    }

    @Test
    void aReportIsStoredAndAnsweredThroughItsResponseUrl() throws Exception {
        String id = nextId();
        Answer answer = post(robotMessage(id, "zhangsan", "@日报助手 #上报 锦江区 三圣街道社工站 走访196户 物资1310件", "rc-" + id));

        assertThat(answer.status()).isEqualTo(200);
        RecordedRequest reply = next();
        assertThat(reply.getUrl().encodedPath()).isEqualTo("/cgi-bin/aibot/response");
        assertThat(reply.getUrl().queryParameter("response_code")).isEqualTo("rc-" + id);
        JsonNode body = WeComJson.MAPPER.readTree(reply.getBody().utf8());
        assertThat(body.get("msgtype").asString()).isEqualTo("markdown");
        assertThat(body.get("markdown").get("content").asString()).contains("已记录")
            .contains("锦江区·三圣街道社工站（11月29日）：走访196户");
        JsonNode record = recordOf(id);
        assertThat(record.get("platform").asString()).isEqualTo("wecom");
        assertThat(record.get("group_id").asString()).isEqualTo(CHAT);
        assertThat(record.get("sender_id").asString()).isEqualTo("zhangsan");
        assertThat(record.get("metrics").toString()).contains("{\"key\":\"visits\",\"unit\":\"户\",\"value\":196");
    }

    @Test
    void aQueryIsAnswered() throws Exception {
        String report = nextId();
        post(robotMessage(report, "lisi", "@日报助手\u2005#上报 金牛区 荷花池街道社工站 走访42户 电话80通", "rc-" + report));
        assertThat(markdownOf(next())).contains("已记录");

        String query = nextId();
        post(robotMessage(query, "lisi", "@日报助手 #统计 金牛区 今天", "rc-" + query));

        RecordedRequest reply = next();
        assertThat(reply.getUrl().queryParameter("response_code")).isEqualTo("rc-" + query);
        assertThat(markdownOf(reply)).contains("金牛区·今天").contains("走访42户").contains("电话80次");
    }

    @Test
    void theDailyPostGoesOutOnceThroughTheWebhookWithItsImage() throws Exception {
        TestServices.chineseFont();
        String id = nextId();
        post(robotMessage(id, "wangwu", "@日报助手 #上报 青羊区 草堂街道社工站 走访31户", "rc-" + id));
        assertThat(markdownOf(next())).contains("已记录");

        JsonNode posted = api("POST", "/api/v1/summary?date=2026-11-29");
        assertThat(posted.get("deliveries").size()).isEqualTo(1);

        RecordedRequest text = next();
        assertThat(text.getUrl().encodedPath()).isEqualTo("/cgi-bin/webhook/send");
        assertThat(text.getUrl().queryParameter("key")).isEqualTo("robot-key");
        JsonNode textBody = WeComJson.MAPPER.readTree(text.getBody().utf8());
        assertThat(textBody.get("msgtype").asString()).isEqualTo("text");
        assertThat(textBody.get("text").get("content").asString()).contains("走访31户");
        String content = textBody.get("text").get("content").asString();
        while (true) {
            RecordedRequest more = next();
            JsonNode moreBody = WeComJson.MAPPER.readTree(more.getBody().utf8());
            if ("image".equals(moreBody.get("msgtype").asString())) {
                byte[] png = Base64.getDecoder().decode(moreBody.get("image").get("base64").asString());
                assertThat(png).startsWith(0x89, 'P', 'N', 'G');
                assertThat(moreBody.get("image").get("md5").asString())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(png)));
                break;
            }
            content += moreBody.get("text").get("content").asString();
        }
        assertThat(content).contains("青羊区");
        assertThat(WECOM.takeRequest(1, TimeUnit.SECONDS)).as("the post leaves once").isNull();
        assertThat(api("GET", "/api/v1/summary?date=2026-11-29").get("posts")).hasSize(1)
            .allSatisfy(post -> assertThat(post.get("status").asString()).isEqualTo("sent"));
    }

    @Test
    void aForgedCallbackIsRefusedWith401AndNothingIsStored() throws Exception {
        int before = recordCount();
        String id = nextId();
        String encrypted = CRYPTO.encrypt(robotJson(id, "mallory", "#上报 锦江区 伪造社工站 走访999户", "rc-" + id), "");

        Answer forged = post("{\"encrypt\":\"" + encrypted + "\"}", "0".repeat(40), "1764388800", "n1");
        Answer unsigned = post("{\"encrypt\":\"" + encrypted + "\"}", null, null, null);
        WeComCrypto otherToken = new WeComCrypto("someoneElse", AES_KEY);
        Answer wrongToken = post("{\"encrypt\":\"" + encrypted + "\"}",
                otherToken.signature("1764388800", "n1", encrypted), "1764388800", "n1");

        assertThat(forged.status()).isEqualTo(401);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(forged.body()).doesNotContain(encrypted).doesNotContain(TOKEN).doesNotContain(AES_KEY);
        assertThat(recordCount()).isEqualTo(before);
        assertThat(WECOM.takeRequest(1, TimeUnit.SECONDS)).as("nothing answered").isNull();
    }

    @Test
    void aSignedBodyTheKeyCannotOpenIsRefusedWith400() throws IOException {
        int before = recordCount();
        WeComCrypto otherKey = new WeComCrypto(TOKEN, "ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj");
        String encrypted = otherKey.encrypt(robotJson(nextId(), "mallory", "#上报 锦江区 伪造社工站 走访1户", null), "");

        Answer answer = post("{\"encrypt\":\"" + encrypted + "\"}", CRYPTO.signature("1764388800", "n2", encrypted),
                "1764388800", "n2");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void aRedeliveredCallbackIsHandledOnce() throws Exception {
        int before = recordCount();
        String id = nextId();
        String callback = robotMessage(id, "zhaoliu", "@日报助手 #上报 武侯区 玉林街道社工站 走访12户", "rc-" + id);

        assertThat(post(callback).status()).isEqualTo(200);
        assertThat(markdownOf(next())).contains("已记录");
        assertThat(post(callback).status()).isEqualTo(200);

        assertThat(recordCount()).isEqualTo(before + 1);
        assertThat(WECOM.takeRequest(1, TimeUnit.SECONDS)).as("no second reply").isNull();
    }

    @Test
    void theAdminConsoleUrlCheckGetsTheDecryptedEcho() throws IOException {
        String echo = CRYPTO.encrypt("8811223344556677", "");
        HttpUrl url = HttpUrl.get("http://127.0.0.1:" + port + "/webhook/wecom")
            .newBuilder()
            .addQueryParameter("msg_signature", CRYPTO.signature("1764388800", "n3", echo))
            .addQueryParameter("timestamp", "1764388800")
            .addQueryParameter("nonce", "n3")
            .addQueryParameter("echostr", echo)
            .build();
        try (Response response = HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).isEqualTo("8811223344556677");
        }
        HttpUrl wrong = url.newBuilder().setQueryParameter("nonce", "n4").build();
        try (Response response = HTTP.newCall(new Request.Builder().url(wrong).build()).execute()) {
            assertThat(response.code()).isEqualTo(401);
        }
    }

    @Test
    void aSelfBuiltAppMessageIsAnsweredInTheEncryptedResponse() throws Exception {
        String id = nextId();
        String xml = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[ChenJiaShun]]>"
                + "</FromUserName><CreateTime>" + NOON.getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]>"
                + "</MsgType><Content><![CDATA[#上报 成华区 双桥子街道社工站 走访8户]]></Content><MsgId>" + id + "</MsgId><AgentID>"
                + AGENT + "</AgentID></xml>";
        String encrypted = CRYPTO.encrypt(xml, CORP_ID);
        String body = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt><AgentID><![CDATA[" + AGENT + "]]></AgentID></xml>";

        Answer answer = post(body, CRYPTO.signature("1764388800", "n5", encrypted), "1764388800", "n5");

        assertThat(answer.status()).isEqualTo(200);
        WeComXml envelope = WeComXml.parse(answer.body()).orElseThrow();
        String replyEncrypted = envelope.text("Encrypt");
        assertThat(CRYPTO.verify(envelope.text("MsgSignature"), envelope.text("TimeStamp"), envelope.text("Nonce"),
                replyEncrypted))
            .isTrue();
        WeComCrypto.Opened opened = CRYPTO.decrypt(replyEncrypted);
        assertThat(opened.receiveId()).isEqualTo(CORP_ID);
        WeComXml reply = WeComXml.parse(opened.message()).orElseThrow();
        assertThat(reply.text("ToUserName")).isEqualTo("ChenJiaShun");
        assertThat(reply.text("Content")).contains("已记录").contains("成华区·双桥子街道社工站");
        assertThat(recordOf(id).get("group_id").asString()).isEqualTo("app:" + AGENT);
        assertThat(WECOM.takeRequest(1, TimeUnit.SECONDS)).as("answered once, in the response").isNull();
    }

    // --- WeCom's side

    static String robotJson(String id, String user, String text, String responseCode) {
        String responseUrl = responseCode == null ? ""
                : ",\"response_url\":\"https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=" + responseCode
                        + "\"";
        return "{\"msgid\":\"" + id + "\",\"aibotid\":\"aib-demo\",\"chatid\":\"" + CHAT
                + "\",\"chattype\":\"group\",\"from\":{\"userid\":\"" + user + "\"}" + responseUrl
                + ",\"msgtype\":\"text\",\"text\":{\"content\":\"" + text + "\"}}";
    }

    /**
     * A signed, encrypted robot callback body, as the robot encrypts it (empty receive
     * id).
     */
    static String robotMessage(String id, String user, String text, String responseCode) {
        return "{\"encrypt\":\"" + CRYPTO.encrypt(robotJson(id, user, text, responseCode), "") + "\"}";
    }

    Answer post(String body) throws IOException {
        String encrypted = WeComJson.MAPPER.readTree(body).get("encrypt").asString();
        String timestamp = Long.toString(NOON.getEpochSecond());
        return post(body, CRYPTO.signature(timestamp, "nonce-" + timestamp, encrypted), timestamp,
                "nonce-" + timestamp);
    }

    Answer post(String body, String signature, String timestamp, String nonce) throws IOException {
        HttpUrl.Builder url = HttpUrl.get("http://127.0.0.1:" + port + "/webhook/wecom").newBuilder();
        if (signature != null) {
            url.addQueryParameter("msg_signature", signature)
                .addQueryParameter("timestamp", timestamp)
                .addQueryParameter("nonce", nonce);
        }
        Request request = new Request.Builder().url(url.build())
            .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")))
            .build();
        try (Response response = HTTP.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    record Answer(int status, String body) {
    }

    static RecordedRequest next() throws InterruptedException {
        RecordedRequest request = WECOM.takeRequest(10, TimeUnit.SECONDS);
        assertThat(request).as("a request to WeCom").isNotNull();
        return request;
    }

    static String markdownOf(RecordedRequest request) {
        return WeComJson.MAPPER.readTree(request.getBody().utf8()).get("markdown").get("content").asString();
    }

    // --- the admin API

    JsonNode api(String method, String path) throws IOException {
        Request.Builder request = new Request.Builder().url("http://127.0.0.1:" + port + path)
            .header("Authorization", "Bearer " + API_TOKEN);
        if ("POST".equals(method)) {
            request.post(RequestBody.create(new byte[0]));
        }
        try (Response response = HTTP.newCall(request.build()).execute()) {
            assertThat(response.code()).as(method + " " + path).isBetween(200, 299);
            return WeComJson.MAPPER.readTree(response.body().string());
        }
    }

    int recordCount() throws IOException {
        return api("GET", "/api/v1/records?limit=1000").get("records").size();
    }

    JsonNode recordOf(String messageId) throws IOException {
        for (JsonNode record : api("GET", "/api/v1/records?limit=1000").get("records")) {
            if (messageId.equals(record.get("message_id").asString())) {
                return record;
            }
        }
        throw new AssertionError("no record of message " + messageId);
    }

    static String nextId() {
        return "msg" + IDS.incrementAndGet();
    }

    // --- set-up

    static MockWebServer started() {
        return started(request -> {
        });
    }

    /**
     * WeCom's API and webhooks, answering every call with success; {@code seen} gets each
     * call.
     */
    static MockWebServer started(Consumer<RecordedRequest> seen) {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                seen.accept(request);
                return new MockResponse.Builder().code(200)
                    .addHeader("Content-Type", "application/json")
                    .body("{\"errcode\":0,\"errmsg\":\"ok\"}")
                    .build();
            }
        });
        try {
            server.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /**
     * The shipped bot-config with groups.yml naming a WeCom group and a self-built app.
     */
    static String configWithWeComGroups() {
        Path dir = tempDir("tallybot-wecom-config");
        try (Stream<Path> files = Files.list(Path.of("bot-config"))) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
            Files.writeString(dir.resolve("groups.yml"), """
                    groups:
                      - platform: wecom
                        id: "%s"
                        name: 企业微信社工群
                        summary: true
                      - platform: wecom
                        id: "app:%s"
                        name: 企业微信应用
                        summary: false
                    """.formatted(CHAT, AGENT));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.toString();
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
