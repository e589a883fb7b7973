package cn.cdsw.tallybot.platform.dingtalk;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.cdsw.tallybot.platform.PlatformCallException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The three DingTalk calls the sender makes (docs/platforms.md §11): a robot message to a
 * session webhook, the robot group-send API, and media upload. A token DingTalk refuses
 * is dropped so the next attempt buys a new one, and the failure is retryable; every
 * other refusal is classified by {@link DingTalkJson}. Nothing here retries: the outbound
 * queue does.
 */
final class DingTalkApi {

    private static final MediaType PNG = MediaType.get("image/png");

    /** Old-API codes for a token that is invalid or has expired. */
    private static final Set<String> TOKEN_ERRCODES = Set.of("40001", "40014", "42001");

    private final OkHttpClient client;

    private final HttpUrl groupSendUrl;

    private final HttpUrl uploadUrl;

    private final DingTalkTokens tokens;

    DingTalkApi(OkHttpClient client, URI apiUrl, URI oapiUrl, DingTalkTokens tokens) {
        this.client = client;
        this.groupSendUrl = HttpUrl.get(apiUrl.toString())
            .newBuilder()
            .addPathSegments("v1.0/robot/groupMessages/send")
            .build();
        this.uploadUrl = HttpUrl.get(oapiUrl.toString()).newBuilder().addPathSegments("media/upload").build();
        this.tokens = tokens;
    }

    /** Posts a robot message ({@code msgtype} and its object) to a session webhook. */
    void sendBySession(URI webhook, Map<String, Object> message) {
        Request request = new Request.Builder().url(webhook.toString())
            .post(RequestBody.create(DingTalkJson.MAPPER.writeValueAsBytes(message), DingTalkJson.TYPE))
            .build();
        JsonNode answer = call("sendBySession", request, null);
        if (answer.path("errcode").asInt(0) != 0) {
            throw DingTalkJson.refusal("sendBySession", 200, answer);
        }
    }

    /**
     * Sends message template {@code msgKey} with {@code msgParam} (a JSON object, sent as
     * a string as the API wants) to the group {@code openConversationId}.
     */
    void sendToGroup(String openConversationId, String robotCode, String msgKey, String msgParam) {
        String token = tokens.get();
        byte[] body = DingTalkJson.MAPPER.writeValueAsBytes(Map.of("msgParam", msgParam, "msgKey", msgKey,
                "openConversationId", openConversationId, "robotCode", robotCode));
        Request request = new Request.Builder().url(groupSendUrl)
            .header("x-acs-dingtalk-access-token", token)
            .post(RequestBody.create(body, DingTalkJson.TYPE))
            .build();
        call("groupMessages/send", request, token);
    }

    /** Uploads a PNG as a media file and returns its {@code media_id}. */
    String uploadImage(byte[] png) {
        String token = tokens.get();
        HttpUrl url = uploadUrl.newBuilder()
            .addQueryParameter("access_token", token)
            .addQueryParameter("type", "image")
            .build();
        RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
            .addFormDataPart("type", "image")
            .addFormDataPart("media", "summary.png", RequestBody.create(png, PNG))
            .build();
        JsonNode answer = call("media/upload", new Request.Builder().url(url).post(form).build(), token);
        String errcode = answer.path("errcode").asString("0");
        if (TOKEN_ERRCODES.contains(errcode)) {
            tokens.invalidate(token);
            throw new PlatformCallException(DingTalkMapper.PLATFORM, 200, errcode, true,
                    "media/upload refused the access token; a new one is bought for the next try");
        }
        String mediaId = answer.path("media_id").asString("");
        if (!"0".equals(errcode) || mediaId.isBlank()) {
            throw DingTalkJson.refusal("media/upload", 200, answer);
        }
        return mediaId;
    }

    /**
     * Makes the call and returns the answer's JSON; a refused {@code token} is dropped.
     * The request's URL is never part of an error: the upload's carries the token.
     */
    private JsonNode call(String name, Request request, @Nullable String token) {
        try (Response response = client.newCall(request).execute()) {
            JsonNode answer = DingTalkJson.read(response);
            if (response.isSuccessful()) {
                return answer;
            }
            if (token != null && (response.code() == 401 || response.code() == 403
                    && answer.path("code").asString("").toLowerCase(Locale.ROOT).contains("token"))) {
                tokens.invalidate(token);
                throw new PlatformCallException(DingTalkMapper.PLATFORM, response.code(), "token_refused", true,
                        name + " refused the access token; a new one is bought for the next try");
            }
            throw DingTalkJson.refusal(name, response.code(), answer);
        }
        catch (IOException e) {
            throw new PlatformCallException(DingTalkMapper.PLATFORM, 0, "io", true,
                    name + " failed before a response: " + e.getClass().getSimpleName());
        }
        catch (JacksonException e) {
            throw new PlatformCallException(DingTalkMapper.PLATFORM, 0, "not_json", true,
                    name + " answered with something that is not JSON");
        }
    }

}
