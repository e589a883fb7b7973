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
 * (docs/platforms.md §7). Implementations put the error text in {@code wording},
 * {@code message} or {@code msg}; the first present one is used.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OneBotApiResponse(@JsonProperty("status") @Nullable String status,
        @JsonProperty("retcode") @Nullable Integer retcode, @JsonProperty("wording") @Nullable String wording,
        @JsonProperty("message") @Nullable String message, @JsonProperty("msg") @Nullable String msg) {

    /**
     * Envelopes are small; reading more would only risk memory on a misbehaving server.
     */
    private static final long MAX_BODY = 16_384;

    private static final int MAX_ERROR_TEXT = 200;

    private static final String PLATFORM = OneBotEventMapper.PLATFORM;

    /** Returns when the call succeeded, else throws {@link PlatformCallException}. */
    static void check(Response response) throws IOException {
        int status = response.code();
        @Nullable OneBotApiResponse envelope = parse(response.peekBody(MAX_BODY).bytes());
        if (!response.isSuccessful()) {
            boolean retryable = status >= 500 || status == 429;
            throw new PlatformCallException(PLATFORM, status, "http_" + status, retryable,
                    "send_group_msg answered HTTP " + status + describe(envelope));
        }
        if (envelope == null) {
            // Possibly sent, possibly a wrong URL; not retryable, so a retry can never
            // post twice.
            throw new PlatformCallException(PLATFORM, status, "bad_envelope", false,
                    "send_group_msg answered HTTP " + status + " without a OneBot envelope");
        }
        boolean failed = "failed".equals(envelope.status())
                || (envelope.retcode() != null && envelope.retcode() != 0 && !"async".equals(envelope.status()));
        if (failed) {
            throw new PlatformCallException(PLATFORM, status, String.valueOf(envelope.retcode()), false,
                    "send_group_msg failed, retcode " + envelope.retcode() + describe(envelope));
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
