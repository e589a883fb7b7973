package cn.cdsw.tallybot.platform;

import java.time.Instant;

/**
 * A message was recalled in a group (OneBot {@code group_recall}); the record it created
 * is retracted.
 */
public record MessageRecall(String platform, String groupId, String messageId, String senderId, String operatorId,
        Instant at) {
}
