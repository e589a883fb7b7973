package cn.cdsw.tallybot.platform.onebot;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.cdsw.tallybot.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OneBotVerifierTests {

    private static final String SECRET = "onebot-secret";

    // The test vectors of docs/platforms.md §9, verbatim.
    private static final String HEARTBEAT = "{\"post_type\":\"meta_event\",\"meta_event_type\":\"heartbeat\","
            + "\"time\":1735689600,\"self_id\":10001000,\"interval\":5000,\"status\":{\"online\":true,\"good\":true}}";

    private static final String HEARTBEAT_SIGNATURE = "sha1=85b272938a082d9556d26c35ad24f890a45a8005";

    private static final String GROUP_MESSAGE = "{\"time\":1735689600,\"self_id\":10001000,\"post_type\":\"message\","
            + "\"message_type\":\"group\",\"sub_type\":\"normal\",\"message_id\":123456,\"group_id\":987654321,"
            + "\"user_id\":12345678,\"anonymous\":null,\"message\":[{\"type\":\"text\",\"data\":{\"text\":\"#日报 走访3户\"}}],"
            + "\"raw_message\":\"#日报 走访3户\",\"font\":0,\"sender\":{\"user_id\":12345678,\"nickname\":\"小王\","
            + "\"card\":\"社工小王\",\"role\":\"member\"}}";

    private static final String GROUP_MESSAGE_SIGNATURE = "sha1=5537afb6ff7387292ad0171b9c05114b6e5d43bd";

    private final OneBotVerifier verifier = new OneBotVerifier(SECRET);

    /** Every refusal is logged with its reason, never with the header's value. */
    @RegisterExtension
    final LogCapture log = LogCapture.of(OneBotVerifier.class);

    @Test
    void acceptsTheHeartbeatVector() {
        byte[] body = HEARTBEAT.getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(146);
        assertThat(verifier.verify(body, HEARTBEAT_SIGNATURE)).isTrue();
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void acceptsTheUtf8GroupMessageVector() {
        byte[] body = GROUP_MESSAGE.getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(377);
        assertThat(body).isEqualTo(OneBotFixtures.bytes("group-message-array.json"));
        assertThat(verifier.verify(body, GROUP_MESSAGE_SIGNATURE)).isTrue();
    }

    @Test
    void acceptsUpperCaseHexAsOldLagrangeBuildsSendIt() {
        String upper = "sha1=" + HEARTBEAT_SIGNATURE.substring(5).toUpperCase(Locale.ROOT);
        assertThat(verifier.verify(HEARTBEAT.getBytes(StandardCharsets.UTF_8), upper)).isTrue();
    }

    @Test
    void signerProducesTheVectors() {
        assertThat(OneBotSigner.sign(SECRET, HEARTBEAT.getBytes(StandardCharsets.UTF_8)))
            .isEqualTo(HEARTBEAT_SIGNATURE);
        assertThat(OneBotSigner.sign(SECRET, GROUP_MESSAGE.getBytes(StandardCharsets.UTF_8)))
            .isEqualTo(GROUP_MESSAGE_SIGNATURE);
    }

    @Test
    void refusesAMissingHeaderWhenASecretIsConfigured() {
        assertThat(verifier.verify(HEARTBEAT.getBytes(StandardCharsets.UTF_8), null)).isFalse();
        assertThat(log.warnings()).containsExactly("OneBot event refused: X-Signature missing");
    }

    @Test
    void refusesTheSignatureOfAnotherBody() {
        assertThat(verifier.verify(GROUP_MESSAGE.getBytes(StandardCharsets.UTF_8), HEARTBEAT_SIGNATURE)).isFalse();
        assertThat(log.warnings()).containsExactly("OneBot event refused: X-Signature does not match the body");
    }

    @Test
    void refusesABodyChangedByOneByte() {
        byte[] body = HEARTBEAT.replace("5000", "5001").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(body, HEARTBEAT_SIGNATURE)).isFalse();
        assertThat(log.warnings()).containsExactly("OneBot event refused: X-Signature does not match the body");
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        byte[] body = HEARTBEAT.getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(body, OneBotSigner.sign("other-secret", body))).isFalse();
        assertThat(log.warnings()).containsExactly("OneBot event refused: X-Signature does not match the body");
    }

    @ParameterizedTest
    @ValueSource(strings = { "sha256=85b272938a082d9556d26c35ad24f890a45a8005",
            "85b272938a082d9556d26c35ad24f890a45a8005", "sha1:85b272938a082d9556d26c35ad24f890a45a8005",
            "sha1=85b272938a082d9556d26c35ad24f890a45a80", "sha1=85b272938a082d9556d26c35ad24f890a45a8005ff",
            "sha1=zzb272938a082d9556d26c35ad24f890a45a8005", "sha1=", "" })
    void refusesAWrongPrefixOrMalformedHex(String header) {
        assertThat(verifier.verify(HEARTBEAT.getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(log.warnings()).containsExactly("OneBot event refused: X-Signature malformed");
    }

    @Test
    void acceptsAnythingWhenNoSecretIsConfigured() {
        OneBotVerifier open = new OneBotVerifier(null);
        assertThat(open.requiresSignature()).isFalse();
        assertThat(open.verify(HEARTBEAT.getBytes(StandardCharsets.UTF_8), null)).isTrue();
        assertThat(open.verify(HEARTBEAT.getBytes(StandardCharsets.UTF_8), "sha1=garbage")).isTrue();
        assertThat(log.warnings()).isEmpty();
    }

}
