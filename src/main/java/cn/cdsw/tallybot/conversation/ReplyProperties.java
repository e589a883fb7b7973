package cn.cdsw.tallybot.conversation;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a reply may be on each platform, in characters. QQ refuses or silently cuts a
 * text message somewhere above 4,500 characters (the limit is not published and varies by
 * client), so the OneBot default stays below it; a platform not listed gets the same
 * conservative default.
 *
 * @param maxLength the longest reply per platform id ({@code onebot}), e.g.
 * {@code tallybot.replies.max-length.onebot=4500}
 */
@ConfigurationProperties("tallybot.replies")
public record ReplyProperties(@DefaultValue Map<String, Integer> maxLength) {

    /** For QQ through OneBot, and for any platform without a setting of its own. */
    static final int DEFAULT_MAX_LENGTH = 4500;

    /**
     * Below this a list could not show its head and one line; it guards against a typo
     * such as {@code 45}.
     */
    static final int SMALLEST_MAX_LENGTH = 200;

    public ReplyProperties {
        Map<String, Integer> limits = new HashMap<>();
        limits.put("onebot", DEFAULT_MAX_LENGTH);
        limits.putAll(maxLength);
        limits.forEach((platform, limit) -> {
            if (limit == null || limit < SMALLEST_MAX_LENGTH) {
                throw new IllegalArgumentException("tallybot.replies.max-length." + platform + " must be at least "
                        + SMALLEST_MAX_LENGTH + " characters");
            }
        });
        maxLength = Map.copyOf(limits);
    }

    /** The longest reply that may go to {@code platform}. */
    int limitFor(String platform) {
        return maxLength.getOrDefault(platform, DEFAULT_MAX_LENGTH);
    }

}
