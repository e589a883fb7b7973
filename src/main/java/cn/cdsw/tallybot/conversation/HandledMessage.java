package cn.cdsw.tallybot.conversation;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.platform.ChatKind;

/**
 * A message the pipeline has answered, keyed like an activity record by (platform,
 * groupId, messageId, contentHash): the content hash is the message's
 * {@link MessageFingerprint}, empty for rows logged before fingerprints existed.
 * {@code replyText} is null when the message was handled without a reply (e.g. not a
 * command). A private chat's message has an empty {@code groupId} and {@code kind}
 * {@link ChatKind#PRIVATE}.
 */
public record HandledMessage(String platform, String groupId, String messageId, String contentHash, Instant handledAt,
        @Nullable String replyText, ChatKind kind) {

    /** A group message's entry. */
    public HandledMessage(String platform, String groupId, String messageId, String contentHash, Instant handledAt,
            @Nullable String replyText) {
        this(platform, groupId, messageId, contentHash, handledAt, replyText, ChatKind.GROUP);
    }

    public HandledMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(handledAt, "handledAt");
    }
}
