package cn.cdsw.tallybot.platform.onebot;

import java.time.Duration;

import cn.cdsw.tallybot.platform.ChatMessage;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Which transport answered a message first, so that the same message arriving once more
 * over another transport, or over a second WebSocket, does not post the answer again
 * (docs/platforms.md §6). The pipeline already stores a message once and hands a repeat
 * its first answer; this decides whether that answer goes out again. Only a repeat over
 * HTTP after an HTTP answer does: go-cqhttp posts an event again when its first answer
 * got lost, and then needs it once more. Implementations never send an event twice over
 * one WebSocket, so a second copy there comes from another account or transport, and QQ
 * would show the answer twice.
 *
 * <p>
 * Remembered in this process for {@value #MINUTES} minutes, the window within which the
 * copies of one message arrive; keyed like the pipeline's de-duplication, by (platform,
 * conversation — a group, or a private chat with its user —, message id).
 */
final class OneBotAnswers {

    static final int MINUTES = 10;

    /** How a message reached the bot. */
    enum Transport {

        HTTP, WEBSOCKET

    }

    private final Cache<String, Transport> first = Caffeine.newBuilder()
        .maximumSize(100_000)
        .expireAfterWrite(Duration.ofMinutes(MINUTES))
        .build();

    /**
     * Whether the answer to {@code message}, arrived over {@code transport}, goes out.
     */
    boolean mayAnswer(ChatMessage message, Transport transport) {
        String key = message.platform() + '\u0000' + message.conversationKey() + '\u0000' + message.messageId();
        Transport earlier = first.asMap().putIfAbsent(key, transport);
        return earlier == null || (earlier == Transport.HTTP && transport == Transport.HTTP);
    }

}
