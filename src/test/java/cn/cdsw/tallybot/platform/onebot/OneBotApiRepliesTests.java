package cn.cdsw.tallybot.platform.onebot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.platform.SenderRole;

/**
 * An API-mode reply leaves on its own thread, and logs there as part of the message it
 * answers.
 */
class OneBotApiRepliesTests {

    @Test
    void theReplyThreadCarriesTheMessagesLogContext() throws InterruptedException {
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        ChatSender sender = new ChatSender() {
            @Override
            public String platform() {
                return "onebot";
            }

            @Override
            public void send(GroupRef group, Reply reply) {
                seen.set(MDC.getCopyOfContextMap());
            }
        };
        ChatMessage message = new ChatMessage("onebot", "639921629", "30001", "李四", SenderRole.MEMBER, "77",
                "#上报 简阳市 射洪坝街道社工站 走访46户", false, Instant.EPOCH);

        try (OneBotApiReplies replies = new OneBotApiReplies(sender,
                new ReplyMetrics(new SimpleMeterRegistry(), OneBotProperties.ReplyMode.API))) {
            MDC.put("platform", "onebot");
            MDC.put("groupId", "639921629");
            MDC.put("messageId", "77");
            try {
                replies.reply(message, Reply.text("✅ 已记录"), System.nanoTime());
            }
            finally {
                MDC.clear();
            }

            await().until(() -> seen.get() != null);
            assertThat(seen.get()).containsEntry("platform", "onebot")
                .containsEntry("groupId", "639921629")
                .containsEntry("messageId", "77");
        }
    }

}
