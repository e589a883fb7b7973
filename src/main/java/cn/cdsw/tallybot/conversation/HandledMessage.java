package cn.cdsw.tallybot.conversation;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A message the pipeline has answered, keyed like an activity record by (platform,
 * groupId, messageId). {@code replyText} is null when the message was handled without a
 * reply (e.g. not a command).
 */
public record HandledMessage(String platform, String groupId, String messageId, Instant handledAt,
        @Nullable String replyText) {
    public HandledMessage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(handledAt, "handledAt");
    }
}
