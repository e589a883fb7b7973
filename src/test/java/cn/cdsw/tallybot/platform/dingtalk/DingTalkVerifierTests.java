package cn.cdsw.tallybot.platform.dingtalk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The robot callback's {@code timestamp}/{@code sign}: the published algorithm's vector
 * (app secret {@code dingAppSecretDemo}, timestamp {@code 1735689600000}), DingTalk's
 * one-hour window on either side, and refusals that fail closed.
 */
class DingTalkVerifierTests {

    static final String SECRET = "dingAppSecretDemo";

    static final String TIMESTAMP = "1735689600000";

    static final String SIGN = "Rmn25uEFDdZpx00AkvBN1OoIRdk/LBWLR0SFVHRRCAs=";

    static final Instant AT = Instant.ofEpochMilli(1735689600000L);

    @Test
    void signsAsTheVectorSays() {
        assertThat(DingTalkVerifier.sign(SECRET, TIMESTAMP)).isEqualTo(SIGN);
    }

    @Test
    void acceptsTheVectorAtItsOwnTime() {
        assertThat(verifierAt(AT).verify(TIMESTAMP, SIGN)).isTrue();
        assertThat(verifierAt(AT).verify(" " + TIMESTAMP + " ", SIGN + "\t")).as("header whitespace").isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "-3600000, true", "3600000, true", "-3600001, false", "3600001, false", "86400000, false" })
    void takesTimestampsWithinAnHourEitherWay(long offsetMillis, boolean accepted) {
        assertThat(verifierAt(AT.plusMillis(offsetMillis)).verify(TIMESTAMP, SIGN)).isEqualTo(accepted);
    }

    @Test
    void refusesAWrongSecretAnotherTimestampOrGarbage() {
        DingTalkVerifier verifier = verifierAt(AT);

        assertThat(verifier.verify(TIMESTAMP, DingTalkVerifier.sign("otherSecret", TIMESTAMP))).isFalse();
        assertThat(verifier.verify("1735689600001", SIGN)).as("sign of another timestamp").isFalse();
        assertThat(verifier.verify(TIMESTAMP, "not base64 !")).isFalse();
        assertThat(verifier.verify(TIMESTAMP, "")).isFalse();
        assertThat(verifier.verify("1735689600", DingTalkVerifier.sign(SECRET, "1735689600")))
            .as("seconds instead of milliseconds are outside the window")
            .isFalse();
        assertThat(verifier.verify("-1735689600000", SIGN)).isFalse();
        assertThat(verifier.verify("99999999999999999999", SIGN)).isFalse();
    }

    @Test
    void refusesMissingHeaders() {
        assertThat(verifierAt(AT).verify(null, SIGN)).isFalse();
        assertThat(verifierAt(AT).verify(TIMESTAMP, null)).isFalse();
    }

    private static DingTalkVerifier verifierAt(Instant now) {
        return new DingTalkVerifier(SECRET, Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(1));
    }

}
