package cn.cdsw.tallybot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.platform.onebot.OneBotSigner;

/**
 * Posts signed events to a running bot and reads the admin API, as a OneBot
 * implementation and an operator would.
 */
final class WebhookClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, String body) {

        /** The text of a quick-operation reply, or null when the bot stayed silent. */
        @Nullable String replyText() {
            if (body.isEmpty()) {
                return null;
            }
            return JSON.readTree(body).get("reply").get(0).get("data").get("text").asString();
        }
    }

    private final OkHttpClient http = new OkHttpClient();

    private final String base;

    private final String secret;

    private final String apiToken;

    WebhookClient(int port, String secret, String apiToken) {
        this.base = "http://127.0.0.1:" + port;
        this.secret = secret;
        this.apiToken = apiToken;
    }

    Answer post(byte[] body) {
        return post(body, OneBotSigner.sign(secret, body));
    }

    Answer post(byte[] body, @Nullable String signature) {
        Request.Builder request = new Request.Builder().url(base + "/webhook/onebot")
            .post(RequestBody.create(body, JSON_TYPE));
        if (signature != null) {
            request.header("X-Signature", signature);
        }
        return call(request.build());
    }

    JsonNode api(String pathAndQuery) {
        Answer answer = call(
                new Request.Builder().url(base + pathAndQuery).header("Authorization", "Bearer " + apiToken).build());
        if (answer.status() != 200) {
            throw new IllegalStateException("API answered " + answer.status() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /**
     * A GET as an operator or a load balancer makes it: with the given bearer token, or
     * none.
     */
    Answer get(String pathAndQuery, @Nullable String bearerToken) {
        Request.Builder request = new Request.Builder().url(base + pathAndQuery);
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return call(request.build());
    }

    private Answer call(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
