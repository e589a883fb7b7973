package cn.cdsw.tallybot.platform.feishu;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Feishu adapter's settings, from the environment ({@code TALLYBOT_FEISHU_APP_ID},
 * {@code TALLYBOT_FEISHU_APP_SECRET}, {@code TALLYBOT_FEISHU_ENCRYPT_KEY},
 * {@code TALLYBOT_FEISHU_VERIFICATION_TOKEN}, {@code TALLYBOT_FEISHU_API_URL}). The
 * adapter is off until the app id, the app secret and the verification token are set.
 *
 * @param appId the self-built app's App ID ({@code cli_…})
 * @param appSecret the app's App Secret, for the tenant access token
 * @param encryptKey the event subscription's Encrypt Key; when set, events arrive
 * encrypted and signed, and an unsigned or wrongly signed event is refused
 * @param verificationToken the event subscription's Verification Token, which every event
 * and the URL challenge carry
 * @param apiUrl the open platform's base URL ({@code https://open.feishu.cn}; Lark:
 * {@code https://open.larksuite.com})
 * @param maxClockSkew how far an event's signed timestamp may be from this machine's
 * clock
 * @param maxBodyBytes the largest event body read
 */
@ConfigurationProperties("tallybot.feishu")
public record FeishuProperties(@Nullable String appId, @Nullable String appSecret, @Nullable String encryptKey,
        @Nullable String verificationToken, @DefaultValue("https://open.feishu.cn") URI apiUrl,
        @DefaultValue("1h") Duration maxClockSkew, @DefaultValue("1048576") int maxBodyBytes) {

    public FeishuProperties {
        appId = blankToNull(appId);
        appSecret = blankToNull(appSecret);
        encryptKey = blankToNull(encryptKey);
        verificationToken = blankToNull(verificationToken);
        if (!"https".equals(apiUrl.getScheme()) && !"http".equals(apiUrl.getScheme())) {
            throw new IllegalArgumentException("tallybot.feishu.api-url must be an http(s) URL");
        }
    }

    /** True when the adapter has what it needs to take events and answer them. */
    boolean enabled() {
        return appId != null && appSecret != null && verificationToken != null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        // the secrets never reach a log line, even through a record's toString
        return "FeishuProperties[appId=" + appId + ", apiUrl=" + apiUrl + ", encrypted=" + (encryptKey != null) + "]";
    }

}
