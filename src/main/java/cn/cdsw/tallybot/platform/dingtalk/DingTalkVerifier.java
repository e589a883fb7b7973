package cn.cdsw.tallybot.platform.dingtalk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a robot callback's headers (docs/platforms.md §11): {@code timestamp} in
 * milliseconds within {@code skew} of this server's clock, and {@code sign} equal to
 * Base64(HMAC-SHA256(key = app secret, message = timestamp + "\n" + app secret)),
 * compared in constant time, as the canonical Base64 text. Both must hold. The signature
 * covers no part of the body, so the headers are checked before the body is read, and the
 * skew bounds how long a captured pair stays usable.
 */
final class DingTalkVerifier {

    private static final Logger log = LoggerFactory.getLogger(DingTalkVerifier.class);

    private static final String ALGORITHM = "HmacSHA256";

    /** A millisecond epoch has at most 13 digits until the year 2286. */
    private static final int MAX_TIMESTAMP_DIGITS = 13;

    private final String appSecret;

    private final Clock clock;

    private final Duration skew;

    DingTalkVerifier(String appSecret, Clock clock, Duration skew) {
        this.appSecret = appSecret;
        this.clock = clock;
        this.skew = skew;
    }

    /**
     * True when the callback may be read. Logs why a callback was refused, never a header
     * value.
     */
    boolean verify(@Nullable String timestampHeader, @Nullable String signHeader) {
        if (timestampHeader == null || signHeader == null) {
            log.warn("DingTalk callback refused: {} header missing", timestampHeader == null ? "timestamp" : "sign");
            return false;
        }
        String timestamp = timestampHeader.strip();
        Long millis = millis(timestamp);
        if (millis == null) {
            log.warn("DingTalk callback refused: timestamp header is not a millisecond time");
            return false;
        }
        if (Math.abs(clock.millis() - millis) > skew.toMillis()) {
            log.warn("DingTalk callback refused: timestamp further than {} from this server's clock", skew);
            return false;
        }
        // compared as the Base64 text: a decoder ignores the spare bits of the last
        // character, so another header would decode to the same MAC
        byte[] expected = sign(appSecret, timestamp).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signHeader.strip().getBytes(StandardCharsets.UTF_8))) {
            log.warn("DingTalk callback refused: sign does not match the timestamp and the app secret");
            return false;
        }
        return true;
    }

    /** The {@code sign} DingTalk sends with {@code timestamp}. */
    static String sign(String appSecret, String timestamp) {
        return Base64.getEncoder().encodeToString(mac(appSecret, timestamp));
    }

    private static byte[] mac(String appSecret, String timestamp) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal((timestamp + "\n" + appSecret).getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static @Nullable Long millis(String timestamp) {
        if (timestamp.isEmpty() || timestamp.length() > MAX_TIMESTAMP_DIGITS
                || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(timestamp);
    }

}
