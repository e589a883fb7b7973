package cn.cdsw.tallybot.platform.feishu;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Feishu's event encryption and signature. The AES-256 key is the SHA-256 of the Encrypt
 * Key; the Base64 payload is a 16-byte IV followed by AES-CBC ciphertext with PKCS#7
 * padding. The signature is the lowercase hex SHA-256 (not an HMAC) of timestamp, nonce,
 * Encrypt Key and the raw body, in that order.
 */
final class FeishuCrypto {

    private static final int IV_BYTES = 16;

    private final byte[] key;

    private final String encryptKey;

    FeishuCrypto(String encryptKey) {
        this.encryptKey = encryptKey;
        this.key = sha256(encryptKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The plaintext of an {@code encrypt} field. */
    String decrypt(String base64) throws UndecryptableException {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        }
        catch (IllegalArgumentException e) {
            throw new UndecryptableException("not Base64");
        }
        if (decoded.length <= IV_BYTES || (decoded.length - IV_BYTES) % IV_BYTES != 0) {
            throw new UndecryptableException("not a whole number of AES blocks after the IV");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOf(decoded, IV_BYTES)));
            byte[] plain = cipher.doFinal(decoded, IV_BYTES, decoded.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException e) {
            // a wrong key shows as bad padding: say no more than that it did not decrypt
            throw new UndecryptableException("does not decrypt with this Encrypt Key");
        }
    }

    /** Encrypts {@code plain} with {@code iv}, as Feishu does; for tests and tools. */
    String encrypt(String plain, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is part of every JDK", e);
        }
    }

    /** The {@code X-Lark-Signature} Feishu sends with {@code rawBody}. */
    String signature(String timestamp, String nonce, String rawBody) {
        return HexFormat.of()
            .formatHex(sha256((timestamp + nonce + encryptKey + rawBody).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether {@code signature} is the one {@code rawBody} should carry, in constant
     * time.
     */
    boolean verifies(String timestamp, String nonce, String rawBody, String signature) {
        return MessageDigest.isEqual(signature(timestamp, nonce, rawBody).getBytes(StandardCharsets.US_ASCII),
                signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The body's {@code encrypt} field could not be decrypted; says why without the body.
     */
    static final class UndecryptableException extends Exception {

        UndecryptableException(String reason) {
            super(reason);
        }

    }

}
