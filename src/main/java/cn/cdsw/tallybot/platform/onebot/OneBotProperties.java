package cn.cdsw.tallybot.platform.onebot;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OneBot settings, bound from {@code tallybot.onebot.*} or the environment
 * ({@code TALLYBOT_ONEBOT_SECRET}, {@code TALLYBOT_ONEBOT_API_URL},
 * {@code TALLYBOT_ONEBOT_ACCESS_TOKEN}).
 *
 * @param secret HMAC key of {@code X-Signature}; unset means events are accepted
 * unsigned. A blank value counts as unset, because an empty HMAC key authenticates
 * nothing and JCE refuses it anyway.
 * @param apiUrl base URL of the implementation's HTTP API (e.g.
 * {@code http://127.0.0.1:3000}); needed to send proactively (daily summary) and for
 * {@link ReplyMode#API}; blank counts as unset
 * @param accessToken sent as {@code Authorization: Bearer}; blank counts as unset
 * @param replyMode how replies to a message go back, see {@link ReplyMode}
 * @param atSender whether quick-operation replies @ the sender; sent explicitly because
 * go-cqhttp and NapCat default to false while the spec defaults to true
 * (docs/platforms.md §5)
 * @param insecure with no secret, take events from any address instead of only from this
 * machine (loopback); for a closed network where the implementation cannot sign
 * ({@code TALLYBOT_ONEBOT_INSECURE})
 * @param maxBodyBytes larger event bodies are refused with 413, before they are verified
 * or parsed (default 64 KiB)
 * @param bodyTimeout how long a webhook body may take to arrive in full before the
 * request is answered 408 (default 10 s); an implementation on the same host or network
 * sends a whole event in milliseconds, and a slower client only holds a connection, never
 * a request thread, while it sends
 */
@ConfigurationProperties("tallybot.onebot")
record OneBotProperties(@Nullable String secret, @Nullable URI apiUrl, @Nullable String accessToken,
        @DefaultValue("QUICK") ReplyMode replyMode, @DefaultValue("false") boolean atSender,
        @DefaultValue("65536") int maxBodyBytes, @DefaultValue("false") boolean insecure,
        @DefaultValue("10s") Duration bodyTimeout) {

    OneBotProperties {
        secret = blankToNull(secret);
        accessToken = blankToNull(accessToken);
        apiUrl = apiUrl == null || apiUrl.toString().isBlank() ? null : apiUrl;
        if (replyMode == ReplyMode.API && apiUrl == null) {
            throw new IllegalArgumentException(
                    "tallybot.onebot.reply-mode=API needs tallybot.onebot.api-url (TALLYBOT_ONEBOT_API_URL)");
        }
        if (apiUrl != null && !("http".equals(apiUrl.getScheme()) || "https".equals(apiUrl.getScheme()))) {
            throw new IllegalArgumentException("tallybot.onebot.api-url must be an http(s) URL");
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("tallybot.onebot.max-body-bytes must be positive");
        }
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("tallybot.onebot.body-timeout must be positive");
        }
    }

    /**
     * Keeps the secret and the access token out of logs and failure analyses, which print
     * bound properties.
     */
    @Override
    public String toString() {
        return "OneBotProperties[secret=" + masked(secret) + ", apiUrl=" + apiUrl + ", accessToken="
                + masked(accessToken) + ", replyMode=" + replyMode + ", atSender=" + atSender + ", maxBodyBytes="
                + maxBodyBytes + ", insecure=" + insecure + ", bodyTimeout=" + bodyTimeout + "]";
    }

    private static String masked(@Nullable String value) {
        return value == null ? "unset" : "******";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Where a reply to an inbound message goes. */
    enum ReplyMode {

        /**
         * In the webhook response body (quick operation); no API needed, but
         * Lagrange.OneBot ignores it.
         */
        QUICK,
        /**
         * Through {@code send_group_msg}, after the webhook has answered 204; works with
         * every implementation.
         */
        API

    }
}
