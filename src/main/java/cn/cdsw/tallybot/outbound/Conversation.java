package cn.cdsw.tallybot.outbound;

import java.util.Objects;

import cn.cdsw.tallybot.platform.GroupRef;

/**
 * Where an outbound message goes, and so which queue it waits in: sends to one
 * conversation keep their order and their pace, and never wait for another's. The kind
 * leaves room for private chats, whose ids may collide with group ids.
 */
public record Conversation(String platform, Kind kind, String id) {

    public Conversation {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Conversation of(GroupRef group) {
        return new Conversation(group.platform(), Kind.GROUP, group.groupId());
    }

    /** The group this conversation is; the only kind so far. */
    GroupRef group() {
        return new GroupRef(platform, id);
    }

    @Override
    public String toString() {
        return platform + ":" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }

    /** What kind of chat a conversation is. */
    public enum Kind {

        GROUP

    }

}
