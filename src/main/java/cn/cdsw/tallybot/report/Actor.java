package cn.cdsw.tallybot.report;

import java.util.Objects;

/**
 * Who made a change to a record, as written to the audit trail: a chat user, or
 * {@code ("api", name)}.
 */
public record Actor(String platform, String id) {
    public Actor {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
    }
}
