package cn.cdsw.tallybot.platform.onebot;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks {@code X-Signature: sha1=<hex HMAC-SHA1(secret, raw body)>} (docs/platforms.md
 * §4). Fails closed: with a secret configured, a missing, malformed or wrong header is
 * refused. Hex is compared case-insensitively because older Lagrange.OneBot builds sent
 * upper case.
 */
final class OneBotVerifier {

    private static final Logger log = LoggerFactory.getLogger(OneBotVerifier.class);

    private static final String ALGORITHM = "HmacSHA1";

    private static final String PREFIX = "sha1=";

    private static final int SHA1_HEX_LENGTH = 40;

    private final @Nullable SecretKeySpec key;

    OneBotVerifier(@Nullable String secret) {
        this.key = secret == null ? null : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    boolean requiresSignature() {
        return key != null;
    }

    /**
     * True when the body may be processed. Logs the reason of a refusal, never the header
     * value.
     */
    boolean verify(byte[] body, @Nullable String signatureHeader) {
        if (key == null) {
            return true;
        }
        byte[] presented = presentedMac(signatureHeader);
        if (presented == null) {
            log.warn("OneBot event refused: X-Signature {}", signatureHeader == null ? "missing" : "malformed");
            return false;
        }
        if (!MessageDigest.isEqual(mac(key, body), presented)) {
            log.warn("OneBot event refused: X-Signature does not match the body");
            return false;
        }
        return true;
    }

    private static byte @Nullable [] presentedMac(@Nullable String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || value.length() != PREFIX.length() + SHA1_HEX_LENGTH) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(value.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
        }
        catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    static byte[] mac(SecretKeySpec key, byte[] body) {
        try {
            // A Mac is not thread-safe, and creating one per request is cheap next to the
            // HTTP round trip.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

}
