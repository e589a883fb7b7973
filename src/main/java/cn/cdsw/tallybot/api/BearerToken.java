package cn.cdsw.tallybot.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.jspecify.annotations.Nullable;

/**
 * The operator's bearer token ({@code tallybot.api.token}), checked the same way by the
 * admin API and the actuator. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, which takes the same time whatever the content or length
 * of the offered token. Without a configured token nothing matches: the checks fail
 * closed.
 */
final class BearerToken {

    private static final String BEARER = "Bearer ";

    private final byte @Nullable [] expectedDigest;

    BearerToken(ApiProperties properties) {
        String token = properties.token();
        this.expectedDigest = token == null || token.isBlank() ? null : sha256(token);
    }

    boolean configured() {
        return expectedDigest != null;
    }

    /** Whether an {@code Authorization} header carries the configured token. */
    boolean matches(@Nullable String authorizationHeader) {
        return expectedDigest != null && authorizationHeader != null
                && authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && MessageDigest.isEqual(expectedDigest, sha256(authorizationHeader.substring(BEARER.length()).trim()));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }

}
