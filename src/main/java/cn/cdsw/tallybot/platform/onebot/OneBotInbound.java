package cn.cdsw.tallybot.platform.onebot;

import java.util.Objects;
import java.util.Optional;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.InboundHandler;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.platform.Reply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;

/**
 * Everything the OneBot webhook does, without Spring, so tests drive it directly: size
 * check, signature check on the raw bytes before any parsing (an unauthenticated body is
 * never read), then dispatch by {@code post_type} through a string switch rather than
 * handler discovery, so what is handled can be read in one place. Group and private
 * messages go to {@link InboundHandler#onMessage}, {@code group_recall} notices to
 * {@link InboundHandler#onRecall}; friend requests and group invitations are logged for
 * the account's owner ({@link OneBotRequests}); every other event is answered 204 and
 * dropped. Events from a WebSocket ({@link OneBotWsInbound}) join at {@link #handle},
 * after the connection's handshake proved who sent them, and are answered through
 * actions.
 */
final class OneBotInbound {

    private static final Logger log = LoggerFactory.getLogger(OneBotInbound.class);

    private final int maxBodyBytes;

    private final OneBotVerifier verifier;

    private final OneBotEventMapper mapper;

    private final InboundHandler handler;

    private final OneBotReplies replies;

    private final OneBotAnswers answers;

    OneBotInbound(int maxBodyBytes, OneBotVerifier verifier, OneBotEventMapper mapper, InboundHandler handler,
            OneBotReplies replies, OneBotAnswers answers) {
        this.maxBodyBytes = maxBodyBytes;
        this.verifier = verifier;
        this.mapper = mapper;
        this.handler = handler;
        this.replies = replies;
        this.answers = answers;
    }

    OneBotInbound(int maxBodyBytes, OneBotVerifier verifier, OneBotEventMapper mapper, InboundHandler handler,
            OneBotReplies replies) {
        this(maxBodyBytes, verifier, mapper, handler, replies, new OneBotAnswers());
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    OneBotOutcome accept(byte[] body, @Nullable String signatureHeader) {
        long receivedNanos = System.nanoTime();
        if (body.length > maxBodyBytes) {
            log.debug("OneBot event refused: body larger than {} bytes", maxBodyBytes);
            return new OneBotOutcome.TooLarge();
        }
        if (!verifier.verify(body, signatureHeader)) {
            return new OneBotOutcome.Unauthorized();
        }
        OneBotEvent event = read(body);
        if (event == null) {
            return new OneBotOutcome.Malformed();
        }
        return handle(event, receivedNanos, replies, OneBotAnswers.Transport.HTTP);
    }

    /**
     * Handles a verified event; a reply goes out through {@code eventReplies}, unless the
     * message was already answered over another transport ({@link OneBotAnswers}).
     */
    OneBotOutcome handle(OneBotEvent event, long receivedNanos, OneBotReplies eventReplies,
            OneBotAnswers.Transport transport) {
        String postType = Objects.requireNonNullElse(event.postType(), "");
        String messageType = Objects.requireNonNullElse(event.messageType(), "");
        return switch (postType) {
            case "message" -> switch (messageType) {
                case "group" -> onMessage(mapper.toChatMessage(event), receivedNanos, eventReplies, transport);
                case "private" -> onMessage(mapper.toPrivateMessage(event), receivedNanos, eventReplies, transport);
                default -> ignored(event);
            };
            case "notice" -> "group_recall".equals(event.noticeType()) ? onGroupRecall(event) : ignored(event);
            case "request" -> OneBotRequests.logged(event) ? new OneBotOutcome.Handled() : ignored(event);
            default -> ignored(event);
        };
    }

    private static @Nullable OneBotEvent read(byte[] body) {
        try {
            return OneBotJson.MAPPER.readValue(body, OneBotEvent.class);
        }
        catch (JacksonException e) {
            log.debug("OneBot event refused: not a JSON event object ({})", e.getOriginalMessage());
            return null;
        }
    }

    private OneBotOutcome onMessage(Optional<ChatMessage> message, long receivedNanos, OneBotReplies eventReplies,
            OneBotAnswers.Transport transport) {
        if (message.isEmpty()) {
            log.debug("OneBot message refused: group_id (of a group message), user_id or message_id missing");
            return new OneBotOutcome.Malformed();
        }
        ChatMessage chatMessage = message.get();
        // a private chat is named by its kind and user, so its log lines never read as a
        // group's
        String where = chatMessage.isPrivate() ? chatMessage.conversationKey() : chatMessage.groupId();
        try (LogContext context = LogContext.of(chatMessage.platform(), where, chatMessage.messageId())) {
            Optional<Reply> reply = handler.onMessage(chatMessage);
            if (reply.isPresent() && !answers.mayAnswer(chatMessage, transport)) {
                log.info("message already answered over another transport or account: not answered again");
                return new OneBotOutcome.Handled();
            }
            return reply.map(r -> eventReplies.reply(chatMessage, r, receivedNanos))
                .orElseGet(OneBotOutcome.Handled::new);
        }
    }

    private OneBotOutcome onGroupRecall(OneBotEvent event) {
        Optional<MessageRecall> recall = mapper.toRecall(event);
        if (recall.isEmpty()) {
            log.debug("OneBot group_recall refused: group_id, user_id or message_id missing");
            return new OneBotOutcome.Malformed();
        }
        MessageRecall recalled = recall.get();
        try (LogContext context = LogContext.of(recalled.platform(), recalled.groupId(), recalled.messageId())) {
            handler.onRecall(recalled);
        }
        return new OneBotOutcome.Handled();
    }

    /**
     * The message's platform, group and id in the MDC while it is handled, so every log
     * line about it can be found (the pattern's {@code [platform:group:message]}, or
     * fields of their own in structured JSON logs).
     */
    private record LogContext(MDC.MDCCloseable platform, MDC.MDCCloseable group,
            MDC.MDCCloseable message) implements AutoCloseable {

        static LogContext of(String platform, String groupId, String messageId) {
            return new LogContext(MDC.putCloseable("platform", platform), MDC.putCloseable("groupId", groupId),
                    MDC.putCloseable("messageId", messageId));
        }

        @Override
        public void close() {
            message.close();
            group.close();
            platform.close();
        }
    }

    private static OneBotOutcome ignored(OneBotEvent event) {
        log.debug("OneBot event ignored: post_type={} message_type={} notice_type={} meta_event_type={}",
                event.postType(), event.messageType(), event.noticeType(), event.metaEventType());
        return new OneBotOutcome.Ignored();
    }

}
