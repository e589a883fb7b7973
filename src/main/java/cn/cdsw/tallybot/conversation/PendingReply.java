package cn.cdsw.tallybot.conversation;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.platform.ChatKind;

/**
 * A reply in the reply log that waits to be sent through its platform's API
 * ({@code handled_message.delivery = 'pending'}), with what its sending needs: the
 * answered message's sender (to quote the message), when it was queued (its age), and for
 * a rate-limit warning the instant its sender may send again (its wording depends on the
 * time it is sent). {@code lease} is the lease as read, the compare-and-set value of a
 * take-over. A reply in a private chat ({@code kind} {@link ChatKind#PRIVATE}) has an
 * empty {@code groupId} and goes to its sender.
 */
record PendingReply(String platform, String groupId, String messageId, String contentHash, String senderId,
        String replyText, Instant queuedAt, @Nullable Instant waitUntil, String owner, Instant lease, ChatKind kind) {

    /** A reply in a group. */
    PendingReply(String platform, String groupId, String messageId, String contentHash, String senderId,
            String replyText, Instant queuedAt, @Nullable Instant waitUntil, String owner, Instant lease) {
        this(platform, groupId, messageId, contentHash, senderId, replyText, queuedAt, waitUntil, owner, lease,
                ChatKind.GROUP);
    }

    PendingReply {
        Objects.requireNonNull(kind, "kind");
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

    /**
     * {@code platform:group:message}, or {@code platform:private:user:message}, how log
     * lines name it.
     */
    String key() {
        return kind == ChatKind.PRIVATE ? platform + ":private:" + senderId + ":" + messageId
                : platform + ":" + groupId + ":" + messageId;
    }

    /** The same reply, now held by {@code owner} until {@code lease}. */
    PendingReply heldBy(String owner, Instant lease) {
        return new PendingReply(platform, groupId, messageId, contentHash, senderId, replyText, queuedAt, waitUntil,
                owner, lease, kind);
    }

}
