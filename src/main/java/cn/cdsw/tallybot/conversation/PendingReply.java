package cn.cdsw.tallybot.conversation;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A reply in the reply log that waits to be sent through its platform's API
 * ({@code handled_message.delivery = 'pending'}), with what its sending needs: the
 * answered message's sender (to quote the message), when it was queued (its age), and for
 * a rate-limit warning the instant its sender may send again (its wording depends on the
 * time it is sent). {@code lease} is the lease as read, the compare-and-set value of a
 * take-over.
 */
record PendingReply(String platform, String groupId, String messageId, String contentHash, String senderId,
        String replyText, Instant queuedAt, @Nullable Instant waitUntil, String owner, Instant lease) {

    PendingReply {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(replyText, "replyText");
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(lease, "lease");
    }

    /** {@code platform:group:message}, how log lines name it. */
    String key() {
        return platform + ":" + groupId + ":" + messageId;
    }

}
