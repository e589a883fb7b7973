package cn.cdsw.tallybot.platform.feishu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.InboundHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One event-subscription callback, from raw body to outcome: decrypts it when the app
 * encrypts its events, answers the URL challenge, refuses what is not signed (with an
 * Encrypt Key) or does not carry the verification token, and hands a group message to the
 * core. Replies leave through the API, queued by the core, so the callback answers as
 * soon as the message's work is committed — well within the three seconds Feishu waits.
 * Nothing here logs a secret or a body.
 */
final class FeishuInbound {

    private static final Logger log = LoggerFactory.getLogger(FeishuInbound.class);

    static final String MESSAGE_RECEIVED = "im.message.receive_v1";

    private final FeishuProperties properties;

    private final @Nullable FeishuCrypto crypto;

    private final FeishuEventMapper mapper;

    private final InboundHandler handler;

    private final Clock clock;

    FeishuInbound(FeishuProperties properties, FeishuEventMapper mapper, InboundHandler handler, Clock clock) {
        this.properties = properties;
        this.crypto = properties.encryptKey() == null ? null : new FeishuCrypto(properties.encryptKey());
        this.mapper = mapper;
        this.handler = handler;
        this.clock = clock;
    }

    /** The signature headers of a callback; each may be missing. */
    record Signature(@Nullable String timestamp, @Nullable String nonce, @Nullable String value) {
    }

    FeishuOutcome handle(String rawBody, Signature signature) {
        JsonNode body = read(rawBody);
        if (body == null || !body.isObject()) {
            return new FeishuOutcome.Malformed("not a JSON object");
        }
        if (body.has("encrypt")) {
            if (crypto == null) {
                return new FeishuOutcome.Malformed("encrypted, but TALLYBOT_FEISHU_ENCRYPT_KEY is not set");
            }
            try {
                body = read(crypto.decrypt(body.path("encrypt").asString("")));
            }
            catch (FeishuCrypto.UndecryptableException e) {
                return new FeishuOutcome.Malformed("encrypt field " + e.getMessage());
            }
            if (body == null || !body.isObject()) {
                return new FeishuOutcome.Malformed("decrypted, but not a JSON object");
            }
        }
        else if (crypto != null) {
            // with an Encrypt Key set, Feishu encrypts every callback: a plain one is
            // forged
            return new FeishuOutcome.Unauthorized("not encrypted although an Encrypt Key is set");
        }
        if ("url_verification".equals(body.path("type").asString(""))) {
            // Feishu's own SDKs check only the token here, not the signature
            if (!tokenMatches(body.path("token").asString(""))) {
                return new FeishuOutcome.Unauthorized("URL verification with a wrong token");
            }
            return new FeishuOutcome.Challenge(body.path("challenge").asString(""));
        }
        Optional<String> unsigned = checkSignature(rawBody, signature);
        if (unsigned.isPresent()) {
            return new FeishuOutcome.Unauthorized(unsigned.get());
        }
        JsonNode header = body.path("header");
        if (!tokenMatches(header.path("token").asString(""))) {
            return new FeishuOutcome.Unauthorized("event with a wrong verification token");
        }
        String type = header.path("event_type").asString("");
        if (!MESSAGE_RECEIVED.equals(type)) {
            log.debug("Feishu event of type {} ignored", type);
            return new FeishuOutcome.Accepted();
        }
        FeishuEventMapper.Mapped mapped = mapper.map(body.path("event"));
        if (mapped instanceof FeishuEventMapper.Mapped.Skipped skipped) {
            log.debug("Feishu message not handled: {}", skipped.why());
            return new FeishuOutcome.Accepted();
        }
        ChatMessage message = ((FeishuEventMapper.Mapped.Group) mapped).message();
        // the reply, if any, leaves through the API: the core recorded it as pending
        handler.onMessage(message);
        return new FeishuOutcome.Accepted();
    }

    /**
     * Why the callback is not signed as it should be; empty when it is, or needs not be.
     */
    private Optional<String> checkSignature(String rawBody, Signature signature) {
        if (crypto == null) {
            return Optional.empty();
        }
        if (signature.timestamp() == null || signature.nonce() == null || signature.value() == null) {
            return Optional.of("no X-Lark-Signature headers");
        }
        if (!crypto.verifies(signature.timestamp(), signature.nonce(), rawBody, signature.value())) {
            return Optional.of("wrong X-Lark-Signature");
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(signature.timestamp().strip()));
        }
        catch (NumberFormatException e) {
            return Optional.of("X-Lark-Request-Timestamp is not a number");
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(properties.maxClockSkew()) > 0) {
            // a signed body replayed long after: the signature alone cannot tell
            return Optional.of("signed at " + signedAt + ", outside the allowed clock skew");
        }
        return Optional.empty();
    }

    private boolean tokenMatches(String token) {
        String expected = properties.verificationToken();
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable JsonNode read(String text) {
        try {
            return FeishuJson.MAPPER.readTree(text);
        }
        catch (JacksonException notJson) {
            return null;
        }
    }

}
