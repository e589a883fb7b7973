package cn.cdsw.tallybot.outbound;

import java.util.Objects;

import cn.cdsw.tallybot.platform.ChatKind;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.UserRef;

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

    /** The private chat with {@code user}. */
    public static Conversation of(UserRef user) {
        return new Conversation(user.platform(), Kind.PRIVATE, user.userId());
    }

    /** The conversation of {@code kind} with this id: a group's, or a user's. */
    public static Conversation of(String platform, ChatKind kind, String id) {
        return new Conversation(platform, kind == ChatKind.PRIVATE ? Kind.PRIVATE : Kind.GROUP, id);
    }

    /** The group this conversation is; only for {@link Kind#GROUP}. */
    GroupRef group() {
        if (kind != Kind.GROUP) {
            throw new IllegalStateException(this + " is not a group");
        }
        return new GroupRef(platform, id);
    }

    /** The user at the other end; only for {@link Kind#PRIVATE}. */
    UserRef user() {
        if (kind != Kind.PRIVATE) {
            throw new IllegalStateException(this + " is not a private chat");
        }
        return new UserRef(platform, id);
    }

    @Override
    public String toString() {
        return platform + ":" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }

    /** What kind of chat a conversation is. */
    public enum Kind {

        GROUP, PRIVATE

    }

}
