package cn.cdsw.tallybot.platform;

import java.time.Instant;
import java.util.Objects;

/**
 * One group message, normalised by an adapter: past the adapter nothing knows which
 * platform a message came from (docs/architecture.md §2). {@code text} is plain text with
 * platform markup (CQ codes, @-mentions) removed; {@code mentionsBot} says whether the
 * bot itself was @-mentioned.
 */
public record ChatMessage(String platform, String groupId, String senderId, String senderName, SenderRole senderRole,
        String messageId, String text, boolean mentionsBot, Instant sentAt) {

    public ChatMessage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sentAt, "sentAt");
        senderName = senderName == null ? "" : senderName;
        senderRole = senderRole == null ? SenderRole.MEMBER : senderRole;
        text = text == null ? "" : text;
    }

    public GroupRef group() {
        return new GroupRef(platform, groupId);
    }
}
