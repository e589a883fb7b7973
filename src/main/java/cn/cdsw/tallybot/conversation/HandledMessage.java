package cn.cdsw.tallybot.conversation;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A message the pipeline has answered, keyed like an activity record by (platform,
 * groupId, messageId, contentHash): the content hash is the message's
 * {@link MessageFingerprint}, empty for rows logged before fingerprints existed.
 * {@code replyText} is null when the message was handled without a reply (e.g. not a
 * command).
 */
public record HandledMessage(String platform, String groupId, String messageId, String contentHash, Instant handledAt,
        @Nullable String replyText) {
    public HandledMessage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(handledAt, "handledAt");
    }
}
