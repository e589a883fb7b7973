package cn.cdsw.tallybot.platform.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Feishu's published example, and vectors worked out from the algorithm as published. */
class FeishuCryptoTests {

    @Test
    void decryptsTheExampleOfFeishusDocumentation() throws Exception {
        assertThat(new FeishuCrypto("test key").decrypt("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="))
            .isEqualTo("hello world");
    }

    @Test
    void encryptsAsFeishuDoesWithAKnownIv() throws Exception {
        FeishuCrypto crypto = new FeishuCrypto("feishuEncryptKeyDemo");
        String plain = "{\"challenge\":\"ajls384kdjx98XX\",\"token\":\"xxxxxx\",\"type\":\"url_verification\"}";
        String sealed = "AAECAwQFBgcICQoLDA0OD3Zoac8J1y1Tnx8zmELY73OQ9W0tOp2J2gKluxpqHR71KSvNs6Vq3o+NndbjX0j7bTlK4MfpNu8c"
                + "JgVk5SH4efhn6Y0Nn7rImR+yZZ7eRj0v";

        assertThat(crypto.encrypt(plain, HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f")))
            .isEqualTo(sealed);
        assertThat(crypto.decrypt(sealed)).isEqualTo(plain);
    }

    @Test
    void signsTimestampNonceKeyAndBodyWithPlainSha256() {
        FeishuCrypto crypto = new FeishuCrypto("feishuEncryptKeyDemo");
        String body = "{\"encrypt\":\"P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=\"}";

        assertThat(crypto.signature("1735689600", "abc123", body))
            .isEqualTo("615a451560971e90123e0dec883e256c53c6c148dc43d48d5ccdce7b7998afc1");
        assertThat(crypto.verifies("1735689600", "abc123", body,
                "615A451560971E90123E0DEC883E256C53C6C148DC43D48D5CCDCE7B7998AFC1"))
            .isTrue();
        assertThat(crypto.verifies("1735689601", "abc123", body,
                "615a451560971e90123e0dec883e256c53c6c148dc43d48d5ccdce7b7998afc1"))
            .isFalse();
    }

    @Test
    void aWrongKeyOrABrokenPayloadIsUndecryptableAndSaysNothingOfTheContent() {
        assertThatThrownBy(
                () -> new FeishuCrypto("another key").decrypt("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="))
            .isInstanceOf(FeishuCrypto.UndecryptableException.class)
            .hasMessage("does not decrypt with this Encrypt Key");
        assertThatThrownBy(() -> new FeishuCrypto("test key").decrypt("not base64 at all!"))
            .isInstanceOf(FeishuCrypto.UndecryptableException.class);
        assertThatThrownBy(() -> new FeishuCrypto("test key").decrypt("AAECAwQFBgcICQoLDA0ODw=="))
            .isInstanceOf(FeishuCrypto.UndecryptableException.class)
            .hasMessageContaining("AES blocks");
    }

    @Property(tries = 100)
    void whatIsEncryptedDecryptsToItself(@ForAll String plain, @ForAll @Size(16) byte[] iv) throws Exception {
        FeishuCrypto crypto = new FeishuCrypto("round trip key");

        assertThat(crypto.decrypt(crypto.encrypt(plain, iv))).isEqualTo(plain);
    }

}
