package cn.cdsw.tallybot.platform.dingtalk;

import java.io.IOException;

import cn.cdsw.tallybot.platform.PlatformCallException;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * JSON of the DingTalk adapter, and what a DingTalk answer means: the new API answers
 * errors with an HTTP status and {@code code}/{@code message}, the old one with 200 and a
 * non-zero {@code errcode}. Transport errors, 5xx and 429 may pass; other refusals will
 * not.
 */
final class DingTalkJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    static final MediaType TYPE = MediaType.get("application/json; charset=utf-8");

    /**
     * Error text kept from an answer: enough to tell what went wrong, never a whole body.
     */
    private static final int MAX_MESSAGE = 200;

    private DingTalkJson() {
    }

    /** The answer's JSON; a missing node when it has no body or is empty. */
    static JsonNode read(Response response) throws IOException {
        ResponseBody body = response.body();
        String text = body == null ? "" : body.string();
        return text.isBlank() ? MissingNode.getInstance() : MAPPER.readTree(text);
    }

    /** A refused call of {@code call} answered {@code status} and {@code answer}. */
    static PlatformCallException refusal(String call, int status, JsonNode answer) {
        String code = answer.path("code").asString(answer.path("errcode").asString("http_" + status));
        String message = answer.path("message").asString(answer.path("errmsg").asString(""));
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        boolean retryable = status == 0 || status == 429 || status >= 500;
        return new PlatformCallException(DingTalkMapper.PLATFORM, status, code, retryable,
                call + " refused (" + status + " " + code + "): " + message);
    }

}
