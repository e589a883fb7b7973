package cn.cdsw.tallybot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random link tokens, session ids and CSRF values, and the digests the database keeps
 * instead of the first two.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** 256 bits: nobody guesses one within a link's ten minutes. */
    private static final int BYTES = 32;

    private Secrets() {
    }

    /** A fresh URL-safe random value (43 characters). */
    static String fresh() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 digest of a value, in hex: what the database stores. */
    static String digest(String value) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }

    /** Compares two values in time that does not depend on where they differ. */
    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a value could be one this class made: anything else is refused before it
     * reaches the database.
     */
    static boolean wellFormed(String value) {
        return value.length() == 43
                && value.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }

}
