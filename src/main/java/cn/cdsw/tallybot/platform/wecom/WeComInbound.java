package cn.cdsw.tallybot.platform.wecom;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.InboundHandler;
import cn.cdsw.tallybot.platform.Reply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Everything {@code /webhook/wecom} does, without Spring, so tests drive it directly:
 * size check, signature over the encrypted text, decryption and the receive id check,
 * then the message. The signature covers the envelope's {@code encrypt} field rather than
 * the raw body, so the envelope is read first, by a parser that resolves nothing; its
 * contents are not looked at until the signature holds.
 *
 * <p>
 * Replies to the robot leave through the core's outbound queue
 * ({@link WeComReplyRouting}), so the callback answers 200 with nothing and the
 * {@code response_url} is kept for the reply. A self-built app's message has no
 * {@code response_url}: it is answered in the response, encrypted (passive reply), and
 * the queued copy is told it has been delivered ({@link WeComSender}).
 */
final class WeComInbound {

    private static final Logger log = LoggerFactory.getLogger(WeComInbound.class);

    private static final SecureRandom NONCES = new SecureRandom();

    private static final int MAX_ANNOUNCED = 1000;

    private final Set<String> heard = new HashSet<>();

    private final WeComCrypto crypto;

    private final String receiveId;

    private final int maxBodyBytes;

    private final WeComMessageMapper mapper;

    private final InboundHandler handler;

    private final ExpiringKeys<URI> responseUrls;

    private final ExpiringKeys<Boolean> answeredInResponse;

    private final Clock clock;

    WeComInbound(WeComCrypto crypto, String receiveId, int maxBodyBytes, WeComMessageMapper mapper,
            InboundHandler handler, ExpiringKeys<URI> responseUrls, ExpiringKeys<Boolean> answeredInResponse,
            Clock clock) {
        this.crypto = crypto;
        this.receiveId = receiveId;
        this.maxBodyBytes = maxBodyBytes;
        this.mapper = mapper;
        this.handler = handler;
        this.responseUrls = responseUrls;
        this.answeredInResponse = answeredInResponse;
        this.clock = clock;
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The URL check the admin console runs when the callback URL is saved. */
    WeComOutcome verifyUrl(@Nullable String signature, @Nullable String timestamp, @Nullable String nonce,
            @Nullable String echo) {
        if (signature == null || timestamp == null || nonce == null || echo == null) {
            log.warn("WeCom URL verification refused: msg_signature, timestamp, nonce or echostr missing");
            return new WeComOutcome.Unauthorized();
        }
        // a '+' of the Base64 arrives as a space when the query was not URL-encoded
        String encrypted = echo.replace(' ', '+');
        if (!crypto.verify(signature, timestamp, nonce, encrypted)) {
            log.warn("WeCom URL verification refused: msg_signature does not match");
            return new WeComOutcome.Unauthorized();
        }
        WeComCrypto.Opened opened = open(encrypted);
        if (opened == null) {
            return new WeComOutcome.Malformed();
        }
        if (!forUs(opened)) {
            return new WeComOutcome.Unauthorized();
        }
        log.info("WeCom callback URL verified");
        return new WeComOutcome.Echo(opened.message());
    }

    /** One encrypted callback. */
    WeComOutcome accept(@Nullable String signature, @Nullable String timestamp, @Nullable String nonce, byte[] body) {
        if (body.length > maxBodyBytes) {
            log.debug("WeCom callback refused: body larger than {} bytes", maxBodyBytes);
            return new WeComOutcome.TooLarge();
        }
        if (signature == null || timestamp == null || nonce == null) {
            log.warn("WeCom callback refused: msg_signature, timestamp or nonce missing");
            return new WeComOutcome.Unauthorized();
        }
        String encrypted = encryptedText(body);
        if (encrypted == null) {
            log.warn("WeCom callback refused: no encrypt field in a JSON or XML body");
            return new WeComOutcome.Malformed();
        }
        if (!crypto.verify(signature, timestamp, nonce, encrypted)) {
            log.warn("WeCom callback refused: msg_signature does not match");
            return new WeComOutcome.Unauthorized();
        }
        WeComCrypto.Opened opened = open(encrypted);
        if (opened == null) {
            return new WeComOutcome.Malformed();
        }
        if (!forUs(opened)) {
            return new WeComOutcome.Unauthorized();
        }
        String message = opened.message().strip();
        if (message.startsWith("<")) {
            return onXml(message, timestamp, opened.receiveId());
        }
        return onRobot(message, timestamp);
    }

    private WeComOutcome onRobot(String json, String timestamp) {
        WeComRobotMessage message;
        try {
            message = WeComJson.MAPPER.readValue(json, WeComRobotMessage.class);
        }
        catch (JacksonException e) {
            // the parser's message quotes the input: not logged
            log.warn("WeCom callback refused: the decrypted message is not a JSON object");
            return new WeComOutcome.Malformed();
        }
        String words = message.words();
        if (words == null || !inGroup(message)) {
            log.debug("WeCom callback ignored: msgtype={} chattype={}", message.msgType(), message.chatType());
            return new WeComOutcome.Taken();
        }
        Optional<ChatMessage> chatMessage = mapper.fromRobot(message, words, timestamp);
        if (chatMessage.isEmpty()) {
            log.warn("WeCom group message refused: chatid, from.userid or msgid missing");
            return new WeComOutcome.Malformed();
        }
        ChatMessage received = chatMessage.get();
        announce(received.groupId());
        URI responseUrl = responseUrl(message.responseUrl());
        if (responseUrl != null) {
            // kept before the message is handled: its reply may be sent the moment the
            // work commits
            responseUrls.put(ExpiringKeys.key(received.groupId(), received.messageId()), responseUrl);
        }
        handle(received);
        return new WeComOutcome.Taken();
    }

    private WeComOutcome onXml(String xmlText, String timestamp, String openedFor) {
        WeComXml xml = WeComXml.parse(xmlText).orElse(null);
        if (xml == null) {
            log.warn("WeCom callback refused: the decrypted message is not XML");
            return new WeComOutcome.Malformed();
        }
        if (!"text".equals(xml.text("MsgType"))) {
            log.debug("WeCom callback ignored: MsgType={} Event={}", xml.text("MsgType"), xml.text("Event"));
            return new WeComOutcome.Taken();
        }
        Optional<ChatMessage> chatMessage = mapper.fromXml(xml, timestamp);
        if (chatMessage.isEmpty()) {
            log.warn("WeCom message refused: ChatId or AgentID, the sender or MsgId missing");
            return new WeComOutcome.Malformed();
        }
        ChatMessage received = chatMessage.get();
        announce(received.groupId());
        if (!received.groupId().startsWith(WeComMessageMapper.APP_PREFIX)) {
            handle(received);
            return new WeComOutcome.Taken();
        }
        answeredInResponse.put(ExpiringKeys.key(received.groupId(), received.messageId()), Boolean.TRUE);
        Optional<Reply> reply = handle(received);
        return reply.<WeComOutcome>map(r -> new WeComOutcome.Passive(passiveXml(xml, r.text(), openedFor)))
            .orElseGet(WeComOutcome.Taken::new);
    }

    /**
     * Names a conversation the first time it is heard from: WeCom shows no chat id in its
     * console, and {@code groups.yml} needs it.
     */
    private void announce(String groupId) {
        synchronized (heard) {
            if (heard.size() < MAX_ANNOUNCED && heard.add(groupId)) {
                log.info("WeCom conversation {} is talking to the bot; groups.yml serves it as platform: wecom, "
                        + "id: \"{}\"", groupId, groupId);
            }
        }
    }

    private Optional<Reply> handle(ChatMessage message) {
        try (MDC.MDCCloseable platform = MDC.putCloseable("platform", message.platform());
                MDC.MDCCloseable group = MDC.putCloseable("groupId", message.groupId());
                MDC.MDCCloseable id = MDC.putCloseable("messageId", message.messageId())) {
            return handler.onMessage(message);
        }
    }

    /**
     * The encrypted text reply to a self-built app message, addressed back to its sender
     * (docs/platforms.md §12).
     */
    private String passiveXml(WeComXml message, String text, String openedFor) {
        long now = clock.instant().getEpochSecond();
        String plain = "<xml><ToUserName>" + WeComXml.cdata(nullToEmpty(message.text("FromUserName")))
                + "</ToUserName><FromUserName>" + WeComXml.cdata(nullToEmpty(message.text("ToUserName")))
                + "</FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>"
                + WeComXml.cdata(text) + "</Content></xml>";
        String encrypted = crypto.encrypt(plain, openedFor);
        String timestamp = Long.toString(now);
        String nonce = Long.toString(1_000_000_000L + NONCES.nextInt(1_000_000_000));
        return "<xml><Encrypt>" + WeComXml.cdata(encrypted) + "</Encrypt><MsgSignature>"
                + WeComXml.cdata(crypto.signature(timestamp, nonce, encrypted)) + "</MsgSignature><TimeStamp>"
                + timestamp + "</TimeStamp><Nonce>" + WeComXml.cdata(nonce) + "</Nonce></xml>";
    }

    private static @Nullable String encryptedText(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{")) {
            try {
                JsonNode envelope = WeComJson.MAPPER.readTree(text);
                JsonNode encrypt = envelope.has("encrypt") ? envelope.get("encrypt") : envelope.get("Encrypt");
                return encrypt != null && encrypt.isString() && !encrypt.asString().isBlank() ? encrypt.asString()
                        : null;
            }
            catch (JacksonException notJson) {
                return null;
            }
        }
        if (text.startsWith("<")) {
            return WeComXml.parse(text).map(xml -> xml.text("Encrypt")).orElse(null);
        }
        return null;
    }

    private WeComCrypto.@Nullable Opened open(String encrypted) {
        try {
            return crypto.decrypt(encrypted);
        }
        catch (WeComCrypto.Undecryptable e) {
            log.warn("WeCom callback refused: the signed text does not decrypt with the configured key ({})",
                    e.getMessage());
            return null;
        }
    }

    /**
     * The configured receive id (a self-built app's CorpID), or the empty one the
     * intelligent robot encrypts for; anything else was meant for someone else.
     */
    private boolean forUs(WeComCrypto.Opened opened) {
        if (opened.receiveId().isEmpty() || opened.receiveId().equals(receiveId)) {
            return true;
        }
        log.warn("WeCom callback refused: encrypted for another receive id than TALLYBOT_WECOM_RECEIVE_ID");
        return false;
    }

    /**
     * A group message: {@code chattype} says so, or, where it is missing, a
     * {@code chatid} does (single chats have none).
     */
    private static boolean inGroup(WeComRobotMessage message) {
        return message.chatType() == null ? message.chatId() != null && !message.chatId().isBlank()
                : "group".equals(message.chatType());
    }

    private static @Nullable URI responseUrl(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI url = URI.create(value.strip());
            return "https".equals(url.getScheme()) || "http".equals(url.getScheme()) ? url : null;
        }
        catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

}
