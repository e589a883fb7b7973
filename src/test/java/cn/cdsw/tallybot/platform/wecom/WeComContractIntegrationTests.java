package cn.cdsw.tallybot.platform.wecom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cdsw.tallybot.platform.AdapterContractTests;
import tools.jackson.databind.JsonNode;

/**
 * The WeCom adapter passes the adapter contract: the intelligent robot's encrypted,
 * signed callbacks in; replies through each message's {@code response_url} and the daily
 * post through the group robot's webhook, both played by a recording MockWebServer.
 * WeCom's own cases (the URL check, the self-built app, a body the key cannot open) are
 * in {@link WeComAdapterTests}.
 */
class WeComContractIntegrationTests extends AdapterContractTests {

    static final ConcurrentLinkedQueue<RecordedRequest> RECEIVED = new ConcurrentLinkedQueue<>();

    static final MockWebServer WECOM = WeComAdapterTests.started(RECEIVED::add);

    private static final OkHttpClient HTTP = new OkHttpClient();

    @DynamicPropertySource
    static void weComProperties(DynamicPropertyRegistry registry) {
        registry.add("tallybot.config-dir", () -> configDirWith("wecom", WeComAdapterTests.CHAT));
        registry.add("tallybot.wecom.token", () -> WeComAdapterTests.TOKEN);
        registry.add("tallybot.wecom.aes-key", () -> WeComAdapterTests.AES_KEY);
        registry.add("tallybot.wecom.api-url", () -> WECOM.url("/").toString());
        registry.add("tallybot.wecom.webhook-url",
                () -> WECOM.url("/cgi-bin/webhook/send").newBuilder().addQueryParameter("key", "k").build().toString());
    }

    @AfterAll
    static void stop() {
        WECOM.close();
    }

    @Override
    protected String platform() {
        return "wecom";
    }

    @Override
    protected String groupId() {
        return WeComAdapterTests.CHAT;
    }

    @Override
    protected int deliver(String messageId, String senderId, String text) {
        return post(messageId, senderId, text, WeComAdapterTests.CRYPTO);
    }

    @Override
    protected int forge(String messageId, String senderId, String text) {
        return post(messageId, senderId, text, new WeComCrypto("notTheToken", WeComAdapterTests.AES_KEY));
    }

    @Override
    protected List<Delivered> delivered() {
        List<Delivered> messages = new ArrayList<>();
        for (RecordedRequest request : RECEIVED) {
            JsonNode body = WeComJson.MAPPER.readTree(request.getBody().utf8());
            String type = body.path("msgtype").asString();
            if ("image".equals(type) && !messages.isEmpty()) {
                Delivered text = messages.remove(messages.size() - 1);
                messages.add(new Delivered(text.text(), true));
            }
            else if (!"image".equals(type)) {
                messages.add(new Delivered(body.path(type).path("content").asString(), false));
            }
        }
        return messages;
    }

    private int post(String messageId, String senderId, String text, WeComCrypto signer) {
        String encrypted = WeComAdapterTests.CRYPTO
            .encrypt(WeComAdapterTests.robotJson(messageId, senderId, text, "rc-" + messageId), "");
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpUrl url = HttpUrl.get("http://127.0.0.1:" + port + "/webhook/wecom")
            .newBuilder()
            .addQueryParameter("msg_signature", signer.signature(timestamp, "n" + messageId, encrypted))
            .addQueryParameter("timestamp", timestamp)
            .addQueryParameter("nonce", "n" + messageId)
            .build();
        Request request = new Request.Builder().url(url)
            .post(RequestBody.create(("{\"encrypt\":\"" + encrypted + "\"}").getBytes(StandardCharsets.UTF_8),
                    MediaType.get("application/json")))
            .build();
        try (Response response = HTTP.newCall(request).execute()) {
            return response.code();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
