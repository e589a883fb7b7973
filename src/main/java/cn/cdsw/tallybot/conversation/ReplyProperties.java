package cn.cdsw.tallybot.conversation;

import java.util.Map;
import java.util.OptionalInt;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A lower limit on how long a reply may be on a platform, in characters, for an operator
 * whose clients show long messages badly. Without one, a platform's replies are held to
 * what its adapter says the platform takes ({@code ChatSender.maxTextLength()}); a
 * setting above that has no effect, since the platform would refuse the message.
 *
 * @param maxLength the longest reply per platform id ({@code onebot}), e.g.
 * {@code tallybot.replies.max-length.onebot=3000}
 */
@ConfigurationProperties("tallybot.replies")
public record ReplyProperties(@DefaultValue Map<String, Integer> maxLength) {

    /**
     * Below this a list could not show its head and one line; it guards against a typo
     * such as {@code 45}.
     */
    static final int SMALLEST_MAX_LENGTH = 200;

    public ReplyProperties {
        maxLength.forEach((platform, limit) -> {
            if (limit == null || limit < SMALLEST_MAX_LENGTH) {
                throw new IllegalArgumentException("tallybot.replies.max-length." + platform + " must be at least "
                        + SMALLEST_MAX_LENGTH + " characters");
            }
        });
        maxLength = Map.copyOf(maxLength);
    }

    /** The operator's limit for {@code platform}, if any. */
    OptionalInt limitFor(String platform) {
        Integer limit = maxLength.get(platform);
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

}
