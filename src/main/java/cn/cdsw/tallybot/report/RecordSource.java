package cn.cdsw.tallybot.report;

import java.time.Instant;
import java.util.Objects;

/** Where a record came from; (platform, groupId, messageId) is unique among records. */
public record RecordSource(String platform, String groupId, String senderId, String senderName, String messageId,
        Instant receivedAt) {
    public RecordSource {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(senderName, "senderName");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
