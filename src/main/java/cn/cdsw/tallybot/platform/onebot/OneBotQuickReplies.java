package cn.cdsw.tallybot.platform.onebot;

import java.util.List;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.Reply;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Replies as a quick operation in the webhook response (docs/platforms.md §5). {@code at_sender} is always written
 * because the spec and the implementations disagree on its default. Lagrange.OneBot ignores quick operations;
 * use {@code reply-mode=API} with it.
 */
final class OneBotQuickReplies implements OneBotReplies {

    private final boolean atSender;

    OneBotQuickReplies(boolean atSender) {
        this.atSender = atSender;
    }

    @Override
    public OneBotOutcome reply(ChatMessage message, Reply reply) {
        QuickOperation operation = new QuickOperation(OneBotSegment.of(reply), atSender);
        return new OneBotOutcome.Replied(OneBotJson.MAPPER.writeValueAsString(operation));
    }

    @JsonPropertyOrder({ "reply", "at_sender" })
    record QuickOperation(
            @JsonProperty("reply") List<OneBotSegment> reply,
            @JsonProperty("at_sender") boolean atSender) {
    }
}
