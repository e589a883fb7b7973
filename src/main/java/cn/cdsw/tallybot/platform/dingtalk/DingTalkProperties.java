package cn.cdsw.tallybot.platform.dingtalk;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DingTalk settings, bound from {@code tallybot.dingtalk.*} or the environment
 * ({@code TALLYBOT_DINGTALK_APP_KEY}, {@code TALLYBOT_DINGTALK_APP_SECRET},
 * {@code TALLYBOT_DINGTALK_API_URL}, …). The adapter is off until both the key and the
 * secret are set (blank counts as unset).
 *
 * @param appKey the app's Client ID (AppKey) from the DingTalk developer console
 * @param appSecret the app's Client Secret (AppSecret): the key of the callback's
 * {@code sign} and, with the app key, what the access token is bought with
 * @param robotCode the robot's code for the group-send API; unset means the app key,
 * which is what DingTalk gives an internal app's robot
 * @param apiUrl base URL of the new API (access token, group send), default
 * {@code https://api.dingtalk.com}
 * @param oapiUrl base URL of the old API (media upload), default
 * {@code https://oapi.dingtalk.com} while {@code api-url} is the real host, else the same
 * as {@code api-url} (a fake or a proxy in front of both); a callback's
 * {@code sessionWebhook} is only used when it points at this host or {@code api-url}'s
 * @param signatureSkew how far a callback's {@code timestamp} may be from this server's
 * clock (default 1 h, DingTalk's own rule); the signature covers only the timestamp, so
 * this is also how long a captured signature can be replayed
 * @param maxBodyBytes larger callback bodies are refused with 413 (default 64 KiB)
 * @param tokenRefreshMargin how long before its expiry the access token is bought anew
 * (default 5 min)
 * @param sessionMargin a reply goes through the group-send API instead of the message's
 * session webhook once the webhook expires within this margin (default 1 min)
 */
@ConfigurationProperties("tallybot.dingtalk")
record DingTalkProperties(@Nullable String appKey, @Nullable String appSecret, @Nullable String robotCode,
        @DefaultValue("https://api.dingtalk.com") URI apiUrl, @Nullable URI oapiUrl,
        @DefaultValue("1h") Duration signatureSkew, @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue("5m") Duration tokenRefreshMargin, @DefaultValue("1m") Duration sessionMargin) {

    static final URI REAL_API = URI.create("https://api.dingtalk.com");

    static final URI REAL_OAPI = URI.create("https://oapi.dingtalk.com");

    DingTalkProperties {
        appKey = blankToNull(appKey);
        appSecret = blankToNull(appSecret);
        robotCode = blankToNull(robotCode);
        oapiUrl = oapiUrl == null || oapiUrl.toString().isBlank() ? null : oapiUrl;
        for (URI url : new URI[] { apiUrl, oapiUrl == null ? apiUrl : oapiUrl }) {
            if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                    || url.getHost() == null) {
                throw new IllegalArgumentException("tallybot.dingtalk.api-url and oapi-url must be http(s) URLs");
            }
        }
        for (Duration positive : new Duration[] { signatureSkew, tokenRefreshMargin, sessionMargin }) {
            if (positive.isNegative() || positive.isZero()) {
                throw new IllegalArgumentException(
                        "tallybot.dingtalk.signature-skew, token-refresh-margin and session-margin must be positive");
            }
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("tallybot.dingtalk.max-body-bytes must be positive");
        }
    }

    /** Whether the adapter runs: both app credentials set. */
    boolean enabled() {
        return appKey != null && appSecret != null;
    }

    /**
     * The old API's base URL, as {@code oapi-url} says or derived from {@code api-url}.
     */
    URI oapi() {
        if (oapiUrl != null) {
            return oapiUrl;
        }
        return REAL_API.equals(apiUrl) ? REAL_OAPI : apiUrl;
    }

    /** The robot code the group-send API names. */
    String robot() {
        return robotCode != null ? robotCode : Objects.requireNonNull(appKey, "appKey");
    }

    /**
     * Keeps the app secret out of logs and failure analyses, which print bound
     * properties.
     */
    @Override
    public String toString() {
        return "DingTalkProperties[appKey=" + appKey + ", appSecret=" + (appSecret == null ? "unset" : "******")
                + ", robotCode=" + robotCode + ", apiUrl=" + apiUrl + ", oapiUrl=" + oapi() + ", signatureSkew="
                + signatureSkew + ", maxBodyBytes=" + maxBodyBytes + ", tokenRefreshMargin=" + tokenRefreshMargin
                + ", sessionMargin=" + sessionMargin + "]";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
