package cn.cdsw.tallybot.platform;

import java.util.Objects;

/** A chat group on one platform. */
public record GroupRef(String platform, String groupId) {
    public GroupRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(groupId, "groupId");
    }
}
