package cn.cdsw.tallybot.platform.onebot;

import java.util.List;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.Reply;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Replies as a quick operation in the webhook response (docs/platforms.md §5).
 * {@code at_sender} is always written because the spec and the implementations disagree
 * on its default. Lagrange.OneBot ignores quick operations; use {@code reply-mode=API}
 * with it.
 */
final class OneBotQuickReplies implements OneBotReplies {

    private final boolean atSender;

    private final ReplyMetrics metrics;

    OneBotQuickReplies(boolean atSender, ReplyMetrics metrics) {
        this.atSender = atSender;
        this.metrics = metrics;
    }

    @Override
    public OneBotOutcome reply(ChatMessage message, Reply reply, long receivedNanos) {
        QuickOperation operation = new QuickOperation(OneBotSegment.of(reply), atSender);
        OneBotOutcome replied = new OneBotOutcome.Replied(OneBotJson.MAPPER.writeValueAsString(operation));
        metrics.sent(receivedNanos);
        return replied;
    }

    @JsonPropertyOrder({ "reply", "at_sender" })
    record QuickOperation(@JsonProperty("reply") List<OneBotSegment> reply,
            @JsonProperty("at_sender") boolean atSender) {
    }

}
