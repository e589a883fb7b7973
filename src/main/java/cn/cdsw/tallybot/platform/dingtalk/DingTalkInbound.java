package cn.cdsw.tallybot.platform.dingtalk;

import java.util.Optional;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.InboundHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;

/**
 * Everything the DingTalk webhook does, without Spring, so tests drive it directly:
 * headers verified before the body is read (the signature covers only the timestamp),
 * then the body read as a robot callback. Group text messages go to
 * {@link InboundHandler#onMessage}, with their session webhook remembered for the reply;
 * single chats and other message types are taken and dropped. Replies never travel in the
 * answer: DingTalk's synchronous reply is not documented where we could read it, so the
 * core queues each reply for {@link DingTalkSender}, having been told so by
 * {@link DingTalkReplyRouting}. A redelivered message is stored and answered once by the
 * core's de-duplication on its {@code msgId}.
 */
final class DingTalkInbound {

    private static final Logger log = LoggerFactory.getLogger(DingTalkInbound.class);

    private static final String GROUP = "2";

    private final int maxBodyBytes;

    private final DingTalkVerifier verifier;

    private final DingTalkMapper mapper;

    private final DingTalkSessions sessions;

    private final InboundHandler handler;

    DingTalkInbound(int maxBodyBytes, DingTalkVerifier verifier, DingTalkMapper mapper, DingTalkSessions sessions,
            InboundHandler handler) {
        this.maxBodyBytes = maxBodyBytes;
        this.verifier = verifier;
        this.mapper = mapper;
        this.sessions = sessions;
        this.handler = handler;
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Whether the callback's headers prove it comes from DingTalk. */
    boolean authentic(@Nullable String timestamp, @Nullable String sign) {
        return verifier.verify(timestamp, sign);
    }

    /** Handles the body of a callback whose headers were {@link #authentic}. */
    DingTalkOutcome accept(byte[] body) {
        if (body.length > maxBodyBytes) {
            return new DingTalkOutcome.TooLarge();
        }
        DingTalkCallback callback = read(body);
        if (callback == null) {
            return new DingTalkOutcome.Malformed();
        }
        if (!GROUP.equals(callback.conversationType()) || !"text".equals(callback.msgtype())) {
            log.debug("DingTalk callback ignored: conversationType={} msgtype={}", callback.conversationType(),
                    callback.msgtype());
            return new DingTalkOutcome.Accepted();
        }
        Optional<ChatMessage> message = mapper.toChatMessage(callback);
        if (message.isEmpty()) {
            log.debug("DingTalk group message refused: conversationId, msgId or sender missing");
            return new DingTalkOutcome.Malformed();
        }
        ChatMessage chatMessage = message.get();
        try (MDC.MDCCloseable platform = MDC.putCloseable("platform", chatMessage.platform());
                MDC.MDCCloseable group = MDC.putCloseable("groupId", chatMessage.groupId());
                MDC.MDCCloseable id = MDC.putCloseable("messageId", chatMessage.messageId())) {
            sessions.remember(chatMessage.messageId(), callback.sessionWebhook(), callback.sessionWebhookExpiredTime());
            handler.onMessage(chatMessage);
        }
        return new DingTalkOutcome.Accepted();
    }

    private static @Nullable DingTalkCallback read(byte[] body) {
        try {
            return DingTalkJson.MAPPER.readValue(body, DingTalkCallback.class);
        }
        catch (JacksonException e) {
            log.debug("DingTalk callback refused: not a JSON message object ({})", e.getOriginalMessage());
            return null;
        }
    }

}
