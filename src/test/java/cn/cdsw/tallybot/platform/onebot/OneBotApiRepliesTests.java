package cn.cdsw.tallybot.platform.onebot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.platform.SenderRole;

/**
 * In API mode the webhook answers 204 and the core sends the reply, quoting the message
 * it answers with the spec's {@code reply} segment, which leads the message.
 */
class OneBotApiRepliesTests {

    @Test
    void theWebhookAnswerCarriesNoReply() {
        ChatMessage message = new ChatMessage("onebot", "639921629", "30001", "李四", SenderRole.MEMBER, "77",
                "#上报 简阳市 射洪坝街道社工站 走访46户", false, Instant.EPOCH);

        assertThat(new OneBotApiReplies().reply(message, Reply.text("✅ 已记录"), System.nanoTime()))
            .isEqualTo(new OneBotOutcome.Handled());
    }

    @Test
    void aReplyQuotesTheMessageItAnswers() {
        Reply reply = Reply.text("✅ 已记录").quoting(new Reply.Quote("-2147483611", "30001"));

        assertThat(OneBotSegment.of(reply)).containsExactly(new OneBotSegment("reply", Map.of("id", "-2147483611")),
                OneBotSegment.text("✅ 已记录"));
        assertThat(OneBotSegment.of(Reply.text("✅ 已记录"))).isEqualTo(List.of(OneBotSegment.text("✅ 已记录")));
    }

}
