package cn.cdsw.tallybot.platform.feishu;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.platform.PlatformCallException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The open-platform calls the adapter makes, with the app's {@code tenant_access_token}:
 * fetched on first use, kept until three minutes before it expires (as Feishu's SDKs do),
 * fetched again by one caller at a time, and dropped when Feishu says it is no longer
 * valid. A call fails with {@link PlatformCallException}: retryable for transport errors,
 * 5xx, 429 and an expired token, not for other refusals.
 */
class FeishuApi {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private static final MediaType PNG = MediaType.get("image/png");

    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(3);

    /**
     * Feishu's codes for a token that is invalid or expired: fetch a new one and retry.
     */
    private static final Set<Integer> TOKEN_CODES = Set.of(99991661, 99991663, 99991668);

    private final OkHttpClient client;

    private final HttpUrl apiUrl;

    private final String appId;

    private final String appSecret;

    private final Clock clock;

    private @Nullable String token;

    private Instant tokenUntil = Instant.MIN;

    FeishuApi(OkHttpClient client, FeishuProperties properties, Clock clock) {
        this.client = client;
        this.apiUrl = HttpUrl.get(properties.apiUrl().toString());
        this.appId = java.util.Objects.requireNonNull(properties.appId(), "app id");
        this.appSecret = java.util.Objects.requireNonNull(properties.appSecret(), "app secret");
        this.clock = clock;
    }

    /**
     * Sends a message to a chat; returns its message id. {@code uuid} makes Feishu drop a
     * repeat of the same message within an hour.
     */
    String sendToChat(String chatId, String msgType, String content, String uuid) {
        HttpUrl url = url("open-apis/im/v1/messages").newBuilder()
            .addQueryParameter("receive_id_type", "chat_id")
            .build();
        return call(url, json(Map.of("receive_id", chatId, "msg_type", msgType, "content", content, "uuid", uuid)))
            .path("data")
            .path("message_id")
            .asString("");
    }

    /**
     * Replies to {@code messageId}, quoting it; {@code uuid} makes Feishu drop a repeat
     * of the same reply within an hour, so a retry after a lost answer is not shown
     * twice.
     */
    String reply(String messageId, String msgType, String content, String uuid) {
        HttpUrl url = url("open-apis/im/v1/messages").newBuilder()
            .addPathSegment(messageId)
            .addPathSegment("reply")
            .build();
        return call(url, json(Map.of("msg_type", msgType, "content", content, "uuid", uuid))).path("data")
            .path("message_id")
            .asString("");
    }

    /** Uploads a PNG for a message; returns its image key. */
    String uploadImage(byte[] png) {
        RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
            .addFormDataPart("image_type", "message")
            .addFormDataPart("image", "chart.png", RequestBody.create(png, PNG))
            .build();
        return call(url("open-apis/im/v1/images"), body).path("data").path("image_key").asString("");
    }

    private JsonNode call(HttpUrl url, RequestBody body) {
        String bearer = token();
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + bearer).post(body).build();
        JsonNode answer = execute(request, url.encodedPath());
        int code = answer.path("code").asInt(-1);
        if (code != 0) {
            boolean tokenGone = TOKEN_CODES.contains(code);
            if (tokenGone) {
                forget(bearer);
            }
            throw new PlatformCallException(FeishuEventMapper.PLATFORM, 200, Integer.toString(code), tokenGone,
                    url.encodedPath() + " refused: " + answer.path("msg").asString(""));
        }
        return answer;
    }

    private synchronized String token() {
        if (token != null && clock.instant().isBefore(tokenUntil)) {
            return token;
        }
        HttpUrl url = url("open-apis/auth/v3/tenant_access_token/internal");
        Request request = new Request.Builder().url(url)
            .post(json(Map.of("app_id", appId, "app_secret", appSecret)))
            .build();
        JsonNode answer = execute(request, url.encodedPath());
        String fresh = answer.path("tenant_access_token").asString("");
        if (answer.path("code").asInt(-1) != 0 || fresh.isEmpty()) {
            // a wrong app secret is not fixed by trying again soon
            throw new PlatformCallException(FeishuEventMapper.PLATFORM, 200, answer.path("code").asString("?"), false,
                    "no tenant access token: " + answer.path("msg").asString("") + " (check TALLYBOT_FEISHU_APP_ID "
                            + "and TALLYBOT_FEISHU_APP_SECRET)");
        }
        Duration lifetime = Duration.ofSeconds(answer.path("expire").asLong(0));
        token = fresh;
        tokenUntil = clock.instant().plus(lifetime).minus(REFRESH_BEFORE_EXPIRY);
        return fresh;
    }

    private synchronized void forget(String refused) {
        if (refused.equals(token)) {
            token = null;
        }
    }

    private JsonNode execute(Request request, String path) {
        try (Response response = client.newCall(request).execute()) {
            int status = response.code();
            String text = response.body().string();
            if (status == 429 || status >= 500) {
                throw new PlatformCallException(FeishuEventMapper.PLATFORM, status, "http_" + status, true,
                        path + " answered HTTP " + status);
            }
            JsonNode answer;
            try {
                answer = FeishuJson.MAPPER.readTree(text);
            }
            catch (JacksonException e) {
                answer = null;
            }
            if (answer == null || !answer.isObject()) {
                throw new PlatformCallException(FeishuEventMapper.PLATFORM, status, "http_" + status, false,
                        path + " answered HTTP " + status + " without a JSON body");
            }
            return answer;
        }
        catch (IOException e) {
            throw new PlatformCallException(FeishuEventMapper.PLATFORM, 0, "io", true,
                    path + " failed before a response: " + e.getMessage(), e);
        }
    }

    private HttpUrl url(String path) {
        return apiUrl.newBuilder().addPathSegments(path).build();
    }

    private static RequestBody json(Map<String, String> fields) {
        return RequestBody.create(FeishuJson.MAPPER.writeValueAsBytes(fields), JSON);
    }

}
