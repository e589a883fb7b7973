package cn.cdsw.tallybot.platform.wecom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback envelope (docs/platforms.md §12): {@code msg_signature} is the hex
 * SHA-1 of token, timestamp, nonce and the encrypted text, sorted and joined; the text is
 * AES-256-CBC under the EncodingAESKey (43 characters of Base64 plus {@code =}), with the
 * key's first 16 bytes as IV and PKCS#7 padding to 32-byte blocks, over
 * {@code random(16) || length(4, big-endian) || message || receive id}. Java's
 * {@code PKCS5Padding} pads to 16, so padding is done here by hand. Immutable and
 * thread-safe: a {@link Cipher} is made per call.
 */
final class WeComCrypto {

    static final int KEY_TEXT_LENGTH = 43;

    private static final int BLOCK = 32;

    private static final int RANDOM_LENGTH = 16;

    private static final int SHA1_HEX_LENGTH = 40;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] token;

    private final SecretKeySpec key;

    private final IvParameterSpec iv;

    WeComCrypto(String token, String encodingAesKey) {
        if (encodingAesKey.length() != KEY_TEXT_LENGTH) {
            throw new IllegalArgumentException("an EncodingAESKey has " + KEY_TEXT_LENGTH + " characters");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encodingAesKey + "=");
        }
        catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the EncodingAESKey is not Base64");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(raw, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(raw, 16));
    }

    /** The lowercase hex {@code msg_signature} of {@code encrypted}. */
    String signature(String timestamp, String nonce, String encrypted) {
        String[] parts = { new String(token, StandardCharsets.UTF_8), timestamp, nonce, encrypted };
        Arrays.sort(parts);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (String part : parts) {
                sha1.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha1.digest());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    /**
     * Whether {@code presented} is the signature of {@code encrypted}, compared in
     * constant time and case-insensitively.
     */
    boolean verify(String presented, String timestamp, String nonce, String encrypted) {
        if (presented.length() != SHA1_HEX_LENGTH) {
            return false;
        }
        byte[] expected = signature(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Opens {@code encrypted}; throws {@link Undecryptable} when it is not Base64, not
     * whole blocks, badly padded or its length field points outside the text.
     */
    Opened decrypt(String encrypted) {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypted.strip());
        }
        catch (IllegalArgumentException notBase64) {
            throw new Undecryptable("not Base64");
        }
        if (cipherText.length == 0 || cipherText.length % BLOCK != 0) {
            throw new Undecryptable("not a whole number of blocks");
        }
        byte[] plain = cipher(Cipher.DECRYPT_MODE, cipherText);
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new Undecryptable("bad padding");
        }
        int end = plain.length - pad;
        if (end < RANDOM_LENGTH + 4) {
            throw new Undecryptable("too short");
        }
        int length = ByteBuffer.wrap(plain, RANDOM_LENGTH, 4).getInt();
        int messageEnd = RANDOM_LENGTH + 4 + length;
        if (length < 0 || messageEnd > end) {
            throw new Undecryptable("length field outside the text");
        }
        return new Opened(new String(plain, RANDOM_LENGTH + 4, length, StandardCharsets.UTF_8),
                new String(plain, messageEnd, end - messageEnd, StandardCharsets.UTF_8));
    }

    /** Encrypts {@code message} for {@code receiveId} with fresh random bytes. */
    String encrypt(String message, String receiveId) {
        byte[] random = new byte[RANDOM_LENGTH];
        RANDOM.nextBytes(random);
        return encrypt(message, receiveId, random);
    }

    /**
     * Encrypts with the given 16 random bytes, so a test can match a published vector.
     */
    String encrypt(String message, String receiveId, byte[] random) {
        if (random.length != RANDOM_LENGTH) {
            throw new IllegalArgumentException("16 random bytes");
        }
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
        int unpadded = RANDOM_LENGTH + 4 + body.length + id.length;
        int pad = BLOCK - unpadded % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(random).putInt(body.length).put(body).put(id);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, plain.array()));
    }

    private byte[] cipher(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, key, iv);
            return cipher.doFinal(input);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is part of every Java runtime", e);
        }
    }

    /** A decrypted text and the receive id it was encrypted for. */
    record Opened(String message, String receiveId) {
    }

    /** The text could not be opened with this key; says why without echoing it. */
    static final class Undecryptable extends RuntimeException {

        Undecryptable(String reason) {
            super(reason, null, false, false);
        }

    }

}
