package cn.cdsw.tallybot.platform.onebot;

import java.io.IOException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The reverse WebSocket, {@code /onebot/v11/ws} (and the split {@code /event} and
 * {@code /api} pair): the implementation dials the bot, and once {@link OneBotHandshake}
 * has let it in, every frame goes to {@link OneBotWsInbound}. One INFO line when an
 * account connects and one when it leaves, at most a few a day.
 */
final class OneBotReverseEndpoint extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(OneBotReverseEndpoint.class);

    private static final String CONNECTION = "onebot.connection";

    /**
     * How long one send may block and how much may wait behind it, before the session is
     * closed as stuck; an action is a few hundred bytes, a chart a few hundred KB.
     */
    private static final int SEND_TIME_LIMIT_MILLIS = 10_000;

    private static final int BUFFER_LIMIT_BYTES = 4 * 1024 * 1024;

    private final OneBotWsInbound inbound;

    private final Duration actionTimeout;

    OneBotReverseEndpoint(OneBotWsInbound inbound, Duration actionTimeout) {
        this.inbound = inbound;
        this.actionTimeout = actionTimeout;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        // Spring's sessions may not be sent to from two threads at once; the decorator
        // serialises sends
        WebSocketSession sending = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MILLIS,
                BUFFER_LIMIT_BYTES);
        OneBotHandshake.Role role = (OneBotHandshake.Role) session.getAttributes().get(OneBotHandshake.ROLE);
        @Nullable String selfId = (String) session.getAttributes().get(OneBotHandshake.SELF_ID);
        OneBotWsConnection connection = new OneBotWsConnection("reverse", frame -> send(sending, frame), actionTimeout,
                role.callsActions(), selfId);
        session.getAttributes().put(CONNECTION, connection);
        inbound.opened(connection);
        log.info("OneBot account {} connected over the reverse WebSocket ({})", selfId == null ? "?" : selfId,
                role.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        OneBotWsConnection connection = connection(session);
        if (connection != null) {
            inbound.frame(connection, message.getPayload());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        OneBotWsConnection connection = connection(session);
        if (connection != null) {
            inbound.closed(connection);
            log.info("OneBot account {} left the reverse WebSocket ({})",
                    connection.selfId() == null ? "?" : connection.selfId(), status.getCode());
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        // the close that follows is logged; the cause is only for whoever looks closer
        log.debug("OneBot reverse WebSocket transport error", exception);
    }

    private static @Nullable OneBotWsConnection connection(WebSocketSession session) {
        return (OneBotWsConnection) session.getAttributes().get(CONNECTION);
    }

    private static boolean send(WebSocketSession session, String frame) {
        if (!session.isOpen()) {
            return false;
        }
        try {
            session.sendMessage(new TextMessage(frame));
            return true;
        }
        catch (IOException | RuntimeException broken) {
            log.debug("OneBot reverse WebSocket send failed", broken);
            return false;
        }
    }

}
