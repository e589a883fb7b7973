package cn.cdsw.tallybot.platform.onebot;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.spec.SecretKeySpec;

/**
 * Test-side generator of {@code X-Signature} values, the way a OneBot implementation
 * computes them (Bolt's {@code SlackSignature.Generator} pattern). End-to-end tests sign
 * their fixtures with it.
 */
public final class OneBotSigner {

    private OneBotSigner() {
    }

    /**
     * {@code sha1=} + lower-case hex HMAC-SHA1 of {@code body} keyed with the UTF-8 bytes
     * of {@code secret}.
     */
    public static String sign(String secret, byte[] body) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
        return "sha1=" + HexFormat.of().formatHex(OneBotVerifier.mac(key, body));
    }

}
