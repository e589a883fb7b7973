package cn.cdsw.tallybot.platform.dingtalk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What the bot reads of a robot callback (docs/platforms.md §11). Every field is optional
 * on the wire; {@link DingTalkMapper} decides what a group message needs. Numbers
 * DingTalk sends as numbers or as text are read as text where the core keeps ids, and as
 * numbers where they are times.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DingTalkCallback(@JsonProperty("msgtype") @Nullable String msgtype, @JsonProperty("text") @Nullable Text text,
        @JsonProperty("msgId") @Nullable String msgId, @JsonProperty("createAt") @Nullable Long createAt,
        @JsonProperty("conversationType") @Nullable String conversationType,
        @JsonProperty("conversationId") @Nullable String conversationId,
        @JsonProperty("senderId") @Nullable String senderId,
        @JsonProperty("senderStaffId") @Nullable String senderStaffId,
        @JsonProperty("senderNick") @Nullable String senderNick, @JsonProperty("isAdmin") @Nullable Boolean isAdmin,
        @JsonProperty("isInAtList") @Nullable Boolean isInAtList,
        @JsonProperty("sessionWebhook") @Nullable String sessionWebhook,
        @JsonProperty("sessionWebhookExpiredTime") @Nullable Long sessionWebhookExpiredTime) {

    /**
     * {@code text.content}: the words, with the @ of the robot itself already taken out.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Text(@JsonProperty("content") @Nullable String content) {
    }

}
