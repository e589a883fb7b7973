package cn.cdsw.tallybot.platform.wecom;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WeCom settings, bound from {@code tallybot.wecom.*} or the environment
 * ({@code TALLYBOT_WECOM_TOKEN}, {@code TALLYBOT_WECOM_AES_KEY},
 * {@code TALLYBOT_WECOM_RECEIVE_ID}, {@code TALLYBOT_WECOM_WEBHOOK_URL},
 * {@code TALLYBOT_WECOM_API_URL}). The callback is served once the token and the key are
 * set, and posts go out once a webhook is set; a blank value counts as unset.
 *
 * @param token the callback Token set in the WeCom admin console (signs every callback)
 * @param aesKey the callback EncodingAESKey, 43 characters, from the admin console
 * @param receiveId the receive id the callbacks are encrypted for: the CorpID of a
 * self-built app; the intelligent robot encrypts for an empty one, which is always taken
 * @param webhookUrl the group robot webhook
 * ({@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}) that posts go through
 * for every WeCom group without a webhook of its own
 * @param webhooks a group robot webhook per chat id, for organisations with several WeCom
 * groups
 * @param apiUrl the WeCom API host (default {@code https://qyapi.weixin.qq.com}): a
 * callback's {@code response_url} is called on this host only, so a test or a proxy can
 * stand in for it
 * @param maxBodyBytes larger callback bodies are refused with 413 before they are
 * verified (default 64 KiB)
 * @param responseUrlTtl how long a callback's {@code response_url} is kept for its reply
 * (default 1 h, as long as WeCom honours it)
 */
@ConfigurationProperties("tallybot.wecom")
record WeComProperties(@Nullable String token, @Nullable String aesKey, @Nullable String receiveId,
        @Nullable URI webhookUrl, @DefaultValue Map<String, URI> webhooks,
        @DefaultValue("https://qyapi.weixin.qq.com") URI apiUrl, @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue("1h") Duration responseUrlTtl) {

    WeComProperties {
        token = blankToNull(token);
        aesKey = blankToNull(aesKey);
        receiveId = receiveId == null ? "" : receiveId.strip();
        webhookUrl = blankToNull(webhookUrl);
        Map<String, URI> perChat = new LinkedHashMap<>();
        webhooks.forEach((chat, url) -> {
            if (blankToNull(url) != null) {
                perChat.put(chat, url);
            }
        });
        webhooks = Map.copyOf(perChat);
        if ((token == null) != (aesKey == null)) {
            throw new IllegalArgumentException("tallybot.wecom.token and tallybot.wecom.aes-key "
                    + "(TALLYBOT_WECOM_TOKEN, TALLYBOT_WECOM_AES_KEY) are set together or not at all");
        }
        if (aesKey != null && aesKey.length() != WeComCrypto.KEY_TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    "tallybot.wecom.aes-key (TALLYBOT_WECOM_AES_KEY) must be the " + WeComCrypto.KEY_TEXT_LENGTH
                            + "-character EncodingAESKey, not " + aesKey.length() + " characters");
        }
        requireHttp("tallybot.wecom.api-url", apiUrl);
        requireHttp("tallybot.wecom.webhook-url", webhookUrl);
        webhooks.values().forEach(url -> requireHttp("tallybot.wecom.webhooks", url));
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("tallybot.wecom.max-body-bytes must be positive");
        }
        if (responseUrlTtl.isNegative() || responseUrlTtl.isZero()) {
            throw new IllegalArgumentException("tallybot.wecom.response-url-ttl must be positive");
        }
    }

    /** Whether callbacks are taken: the token and the key are set. */
    boolean receives() {
        return token != null && aesKey != null;
    }

    /** Whether anything can be posted without a callback to answer. */
    boolean posts() {
        return webhookUrl != null || !webhooks.isEmpty();
    }

    /**
     * Keeps the token, the key and the webhook keys out of logs and failure analyses,
     * which print bound properties.
     */
    @Override
    public String toString() {
        return "WeComProperties[token=" + masked(token) + ", aesKey=" + masked(aesKey) + ", receiveId=" + receiveId
                + ", webhookUrl=" + masked(webhookUrl) + ", webhooks=" + webhooks.size() + ", apiUrl=" + apiUrl
                + ", maxBodyBytes=" + maxBodyBytes + ", responseUrlTtl=" + responseUrlTtl + "]";
    }

    private static String masked(@Nullable Object value) {
        return value == null ? "unset" : "******";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable URI blankToNull(@Nullable URI value) {
        return value == null || value.toString().isBlank() ? null : value;
    }

    private static void requireHttp(String name, @Nullable URI url) {
        if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException(name + " must be an http(s) URL");
        }
    }

}
