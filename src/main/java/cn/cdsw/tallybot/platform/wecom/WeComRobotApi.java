package cn.cdsw.tallybot.platform.wecom;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import cn.cdsw.tallybot.platform.PlatformCallException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Posts a robot message body to a WeCom URL (a group robot webhook or a callback's
 * {@code response_url}) and reads {@code {"errcode":0,"errmsg":"ok"}}. Transport errors,
 * 5xx, 429 and errcode 45009 (over the robot's 20 a minute) are retryable; other refusals
 * are not. The URL carries the robot's key, so only its host is ever named in an error.
 */
final class WeComRobotApi {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private static final long MAX_ANSWER = 16_384;

    private static final int MAX_ERROR_TEXT = 200;

    /** 接口调用超过限制: the robot sent more than 20 messages in a minute. */
    private static final int RATE_LIMITED = 45009;

    private final OkHttpClient client;

    WeComRobotApi(OkHttpClient client) {
        this.client = client;
    }

    void post(URI url, Map<String, Object> message) {
        byte[] body = WeComJson.MAPPER.writeValueAsBytes(message);
        Request request = new Request.Builder().url(url.toString()).post(RequestBody.create(body, JSON)).build();
        String what = message.get("msgtype") + " to " + url.getHost();
        try (Response response = client.newCall(request).execute()) {
            int status = response.code();
            JsonNode answer = parse(response.peekBody(MAX_ANSWER).bytes());
            if (!response.isSuccessful()) {
                throw new PlatformCallException(WeComMessageMapper.PLATFORM, status, "http_" + status,
                        status >= 500 || status == 429, what + " answered HTTP " + status + describe(answer));
            }
            if (answer == null || !answer.has("errcode")) {
                // possibly delivered: not retryable, so a retry can never post twice
                throw new PlatformCallException(WeComMessageMapper.PLATFORM, status, "bad_answer", false,
                        what + " answered HTTP " + status + " without an errcode");
            }
            int errcode = answer.get("errcode").asInt();
            if (errcode != 0) {
                throw new PlatformCallException(WeComMessageMapper.PLATFORM, status, String.valueOf(errcode),
                        errcode == RATE_LIMITED, what + " refused, errcode " + errcode + describe(answer));
            }
        }
        catch (IOException e) {
            throw new PlatformCallException(WeComMessageMapper.PLATFORM, 0, "io", true,
                    what + " failed before an answer: " + e.getClass().getSimpleName(), e);
        }
    }

    private static @Nullable JsonNode parse(byte[] body) {
        try {
            JsonNode node = WeComJson.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        }
        catch (JacksonException notJson) {
            return null;
        }
    }

    private static String describe(@Nullable JsonNode answer) {
        JsonNode message = answer == null ? null : answer.get("errmsg");
        if (message == null || !message.isString() || message.asString().isBlank()) {
            return "";
        }
        String text = message.asString();
        return ": " + (text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text);
    }

}
