package cn.cdsw.tallybot.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import cn.cdsw.tallybot.command.TextNormalizer;
import cn.cdsw.tallybot.platform.ChatMessage;

/**
 * What a message said and who said it, as a short hash: with the message id it tells a
 * redelivery (same id, same fingerprint) from a new message that reuses an old id (same
 * id, other fingerprint), which OneBot implementations do once their id counter or hash
 * wraps (docs/storage.md §9).
 * <p>
 * The text is normalised first, as the parser reads it, so that a full-width {@code ＃} or
 * a trailing space added by a second bot account does not make a redelivery look new. The
 * sender is part of it because two members may send the same words; the send time is not,
 * because an implementation may stamp a retry anew.
 */
final class MessageFingerprint {

    /**
     * 128 bits of SHA-256 in hex: collisions are out of reach, and the key stays short.
     */
    private static final int HEX_LENGTH = 32;

    private MessageFingerprint() {
    }

    static String of(ChatMessage message) {
        return of(message.senderId(), message.text());
    }

    static String of(String senderId, String text) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        sha256.update(senderId.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(TextNormalizer.normalize(text).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest()).substring(0, HEX_LENGTH);
    }

}
