package cn.cdsw.tallybot.platform.onebot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.platform.SenderRole;
import cn.cdsw.tallybot.testing.LogCapture;

/**
 * What becomes of each reply, counted by outcome and mode, and how long after its message
 * it left.
 */
class ReplyMetricsTests {

    private static final ChatMessage MESSAGE = new ChatMessage("onebot", "639921629", "30001", "李四", SenderRole.MEMBER,
            "77", "#上报 简阳市 射洪坝街道社工站 走访46户", false, Instant.EPOCH);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @RegisterExtension
    final LogCapture log = LogCapture.of(OneBotApiReplies.class);

    @Test
    void aQuickReplyIsSentInTheWebhookResponseAndTimedFromTheCall() {
        OneBotQuickReplies replies = new OneBotQuickReplies(false,
                new ReplyMetrics(meters, OneBotProperties.ReplyMode.QUICK));
        long received = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(40);

        replies.reply(MESSAGE, Reply.text("✅ 已记录"), received);

        assertThat(replies(OneBotProperties.ReplyMode.QUICK, "sent")).isEqualTo(1);
        assertThat(meters.get(ReplyMetrics.DELAY).tag("mode", "quick").timer().totalTime(TimeUnit.MILLISECONDS))
            .isGreaterThanOrEqualTo(40);
    }

    private double replies(OneBotProperties.ReplyMode mode, String outcome) {
        return meters.get(ReplyMetrics.REPLIES)
            .tag("mode", mode.name().toLowerCase(Locale.ROOT))
            .tag("outcome", outcome)
            .counter()
            .count();
    }

    /** Takes each reply, or refuses it, or hangs until released. */
    private record Sender(PlatformCallException refusal, CountDownLatch release) implements ChatSender {

        @Override
        public String platform() {
            return "onebot";
        }

        @Override
        public void send(GroupRef group, Reply reply) {
            if (release != null) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (refusal != null) {
                throw refusal;
            }
        }
    }

}
