package cn.cdsw.tallybot.platform.onebot;

import java.io.IOException;

import cn.cdsw.tallybot.platform.PlatformCallException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * The OneBot API envelope {@code {"status":"ok","retcode":0,"data":...}}
 * (docs/platforms.md §7), over HTTP as the response body and over WebSocket as a frame
 * carrying the call's {@code echo} back. Implementations put the error text in
 * {@code wording}, {@code message} or {@code msg}; the first present one is used.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OneBotApiResponse(@JsonProperty("status") @Nullable String status,
        @JsonProperty("retcode") @Nullable Integer retcode, @JsonProperty("wording") @Nullable String wording,
        @JsonProperty("message") @Nullable String message, @JsonProperty("msg") @Nullable String msg,
        @JsonProperty("echo") @Nullable String echo) {

    /**
     * Envelopes are small; reading more would only risk memory on a misbehaving server.
     */
    private static final long MAX_BODY = 16_384;

    private static final int MAX_ERROR_TEXT = 200;

    private static final String PLATFORM = OneBotEventMapper.PLATFORM;

    /**
     * Returns when the HTTP call of {@code action} succeeded, else throws
     * {@link PlatformCallException}.
     */
    static void check(String action, Response response) throws IOException {
        int status = response.code();
        @Nullable OneBotApiResponse envelope = parse(response.peekBody(MAX_BODY).bytes());
        if (!response.isSuccessful()) {
            boolean retryable = status >= 500 || status == 429;
            throw new PlatformCallException(PLATFORM, status, "http_" + status, retryable,
                    action + " answered HTTP " + status + describe(envelope));
        }
        if (envelope == null) {
            // Possibly sent, possibly a wrong URL; not retryable, so a retry can never
            // post twice.
            throw new PlatformCallException(PLATFORM, status, "bad_envelope", false,
                    action + " answered HTTP " + status + " without a OneBot envelope");
        }
        envelope.check(action, status);
    }

    /**
     * Returns when this envelope says {@code action} succeeded (or was queued,
     * {@code async}), else throws a {@link PlatformCallException} that is not retryable:
     * the implementation read the call and refused it, so the same call would be refused
     * again. {@code httpStatus} is 0 for an answer that came over WebSocket.
     */
    void check(String action, int httpStatus) {
        boolean failed = "failed".equals(status) || (retcode != null && retcode != 0 && !"async".equals(status));
        if (failed) {
            throw new PlatformCallException(PLATFORM, httpStatus, String.valueOf(retcode), false,
                    action + " failed, retcode " + retcode + describe(this));
        }
    }

    private static @Nullable OneBotApiResponse parse(byte[] body) {
        try {
            return OneBotJson.MAPPER.readValue(body, OneBotApiResponse.class);
        }
        catch (JacksonException notJson) {
            return null;
        }
    }

    private static String describe(@Nullable OneBotApiResponse envelope) {
        String text = envelope == null ? null : envelope.errorText();
        if (text == null) {
            return "";
        }
        return ": " + (text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text);
    }

    private @Nullable String errorText() {
        for (String candidate : new String[] { wording, message, msg }) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
