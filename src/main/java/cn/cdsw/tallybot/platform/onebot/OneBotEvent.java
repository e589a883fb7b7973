package cn.cdsw.tallybot.platform.onebot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One event as OneBot v11 posts it (spec {@code event/*.md}, docs/platforms.md §2), with
 * only the fields tallybot reads; everything may be missing, so the mapper decides what
 * is required. Ids are read as strings: the core keeps ids as text, and comparing
 * {@code at.qq} with {@code self_id} is a string comparison anyway. {@code message} stays
 * a tree because it is a segment array or a CQ-code string depending on configuration.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OneBotEvent(@JsonProperty("time") @Nullable Long time, @JsonProperty("self_id") @Nullable String selfId,
        @JsonProperty("post_type") @Nullable String postType,
        @JsonProperty("message_type") @Nullable String messageType, @JsonProperty("sub_type") @Nullable String subType,
        @JsonProperty("request_type") @Nullable String requestType,
        @JsonProperty("notice_type") @Nullable String noticeType,
        @JsonProperty("meta_event_type") @Nullable String metaEventType,
        @JsonProperty("message_id") @Nullable String messageId, @JsonProperty("group_id") @Nullable String groupId,
        @JsonProperty("user_id") @Nullable String userId, @JsonProperty("operator_id") @Nullable String operatorId,
        @JsonProperty("message") @Nullable JsonNode message, @JsonProperty("raw_message") @Nullable String rawMessage,
        @JsonProperty("sender") @Nullable Sender sender) {

    /**
     * Best-effort sender info; any field may be missing (spec {@code event/message.md}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sender(@JsonProperty("nickname") @Nullable String nickname, @JsonProperty("card") @Nullable String card,
            @JsonProperty("role") @Nullable String role) {
    }
}
