package cn.cdsw.tallybot.platform;

import java.util.Objects;

/** One user on one platform, as the other end of a private chat with the bot. */
public record UserRef(String platform, String userId) {
    public UserRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
    }
}
