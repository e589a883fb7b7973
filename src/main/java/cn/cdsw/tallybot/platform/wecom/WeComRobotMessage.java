package cn.cdsw.tallybot.platform.wecom;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A decrypted callback of the intelligent robot (docs/platforms.md §12): in a group only
 * the messages that @ the robot arrive, {@code text.content} starting with the mention.
 * {@code mixed} messages carry their text in items.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WeComRobotMessage(@JsonProperty("msgid") @Nullable String msgId, @JsonProperty("chatid") @Nullable String chatId,
        @JsonProperty("chattype") @Nullable String chatType, @JsonProperty("from") @Nullable From from,
        @JsonProperty("response_url") @Nullable String responseUrl, @JsonProperty("msgtype") @Nullable String msgType,
        @JsonProperty("text") @Nullable Text text, @JsonProperty("mixed") @Nullable Mixed mixed) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record From(@JsonProperty("userid") @Nullable String userId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Text(@JsonProperty("content") @Nullable String content) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Mixed(@JsonProperty("msg_item") @Nullable List<Item> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(@JsonProperty("msgtype") @Nullable String msgType, @JsonProperty("text") @Nullable Text text) {
    }

    /** The words of a text or mixed message; null for any other kind. */
    @Nullable String words() {
        if ("text".equals(msgType)) {
            return text == null ? "" : nullToEmpty(text.content());
        }
        if ("mixed".equals(msgType)) {
            StringBuilder words = new StringBuilder();
            if (mixed != null && mixed.items() != null) {
                for (Item item : mixed.items()) {
                    if (item != null && "text".equals(item.msgType()) && item.text() != null) {
                        words.append(nullToEmpty(item.text().content()));
                    }
                }
            }
            return words.toString();
        }
        return null;
    }

    @Nullable String userId() {
        return from == null ? null : from.userId();
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

}
