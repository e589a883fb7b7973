package cn.cdsw.tallybot.platform;

import java.time.Instant;
import java.util.Objects;

/**
 * One chat message, normalised by an adapter: past the adapter nothing knows which
 * platform a message came from (docs/architecture.md §2). {@code text} is plain text with
 * platform markup (CQ codes, @-mentions) removed; {@code mentionsBot} says whether the
 * bot itself was @-mentioned.
 * <p>
 * {@code kind} says where it was written. A group message names its group in
 * {@code groupId}, never blank. A private chat is with its sender, so {@code senderId}
 * names the conversation and {@code groupId} is empty, which no group's id is, so a key
 * made of (platform, groupId, …) never mixes a private chat up with a group of the same
 * number. The nine-argument constructor makes a group message, as it did before private
 * chats.
 */
public record ChatMessage(String platform, String groupId, String senderId, String senderName, SenderRole senderRole,
        String messageId, String text, boolean mentionsBot, Instant sentAt, ChatKind kind) {

    public ChatMessage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(kind, "kind");
        if (kind == ChatKind.GROUP && groupId.isBlank()) {
            throw new IllegalArgumentException("a group message needs its group id");
        }
        if (kind == ChatKind.PRIVATE && !groupId.isEmpty()) {
            throw new IllegalArgumentException("a private message has no group id");
        }
        senderName = senderName == null ? "" : senderName;
        senderRole = senderRole == null ? SenderRole.MEMBER : senderRole;
        text = text == null ? "" : text;
    }

    /** A group message. */
    public ChatMessage(String platform, String groupId, String senderId, String senderName, SenderRole senderRole,
            String messageId, String text, boolean mentionsBot, Instant sentAt) {
        this(platform, groupId, senderId, senderName, senderRole, messageId, text, mentionsBot, sentAt, ChatKind.GROUP);
    }

    /**
     * A message in a private chat with the bot. The sender has no role there: a group's
     * owner or admin is an ordinary member in private.
     */
    public static ChatMessage inPrivate(String platform, String senderId, String senderName, String messageId,
            String text, Instant sentAt) {
        return new ChatMessage(platform, "", senderId, senderName, SenderRole.MEMBER, messageId, text, false, sentAt,
                ChatKind.PRIVATE);
    }

    public boolean isPrivate() {
        return kind == ChatKind.PRIVATE;
    }

    /** The group of a group message; a private message has none. */
    public GroupRef group() {
        if (isPrivate()) {
            throw new IllegalStateException("a private message has no group; its sender is the other end");
        }
        return new GroupRef(platform, groupId);
    }

    /** The other end of a private chat: its sender. */
    public UserRef sender() {
        return new UserRef(platform, senderId);
    }

    /**
     * Where the message was written, as one key part: the group's id, or the sender's for
     * a private chat, behind the kind (used wherever an in-memory key names a
     * conversation).
     */
    public String conversationKey() {
        return isPrivate() ? "private:" + senderId : "group:" + groupId;
    }
}
