package cn.cdsw.tallybot.report;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a record came from; (platform, groupId, messageId, contentHash) is unique among
 * records. {@code contentHash} fingerprints what the message said and who said it, so a
 * later message that reuses an old id with other content makes its own record; it is
 * empty for records made before fingerprints existed.
 */
public record RecordSource(String platform, String groupId, String senderId, String senderName, String messageId,
        String contentHash, Instant receivedAt) {

    /** A source without a content fingerprint, as records made before it existed. */
    public RecordSource(String platform, String groupId, String senderId, String senderName, String messageId,
            Instant receivedAt) {
        this(platform, groupId, senderId, senderName, messageId, "", receivedAt);
    }

    public RecordSource {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(senderName, "senderName");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
