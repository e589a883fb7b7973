package cn.cdsw.tallybot.platform.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The signature and the AES envelope against the published vectors: the official samples'
 * (XML app callback, JSON callback) and one computed from fixed random bytes
 * (docs/platforms.md §12).
 */
class WeComCryptoTests {

    /** The official Python sample's app callback (receive id = the CorpID). */
    static final WeComCrypto APP = new WeComCrypto("hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo",
            "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt");

    /** The official Go sample's JSON callback. */
    static final WeComCrypto JSON = new WeComCrypto("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C");

    static final WeComCrypto OWN = new WeComCrypto("demoToken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");

    static final String APP_ECHO = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";

    static final String APP_MESSAGE = "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";

    static final String JSON_ECHO = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";

    static final String JSON_MESSAGE = "CZWs4CWRpI4VolQlvn4dlEC1alN2MUEY2VklGehgBVLBrlVF7SyT+SV+Toj43l4ayJ9UMGKphktKKmP7B2j/P1ey67XB8PBgS7Wr5/8+w/yWriZv3Vmoo/MH3/1HsIWZrPQ3N2mJrelStIfI2Y8kLKXA7EhfZgZX4o+ffdkZDM76SEl79Ib9mw7TGjZ9Aw/x/A2VjNbV1E8BtEbRxYYcQippYNw7hr8sFfa3nW1xLdxokt8QkRX83vK3DFP2F6TQFPL2Tu98UwhcUpPvdJBuu1/yiOQIScppV3eOuLWEsko=";

    static final String OWN_MESSAGE = "Q3stYC6hdFzMh9T8HCvyDLglA747r6FV0LKdqHFqmviAUVD9G3g9BJAuyzUZwqASNDnLzpQ0Hi62Gr2Z+X6H49e+W9KAoK9qlo/BBoos9cmJoaLdSSArnO+Odz5LHw4d";

    @Test
    void signsAndOpensTheOfficialUrlVerification() {
        assertThat(APP.signature("1476416373", "47744683", APP_ECHO))
            .isEqualTo("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb");
        WeComCrypto.Opened opened = APP.decrypt(APP_ECHO);
        assertThat(opened.message()).isEqualTo("1288432023552776189");
        assertThat(opened.receiveId()).isEqualTo("ww1436e0e65a779aee");
    }

    @Test
    void signsAndOpensTheOfficialAppMessage() {
        assertThat(APP.verify("0c3914025cb4b4d68103f6bfc8db550f79dcf48e", "1476422779", "1597212914", APP_MESSAGE))
            .isTrue();
        WeComCrypto.Opened opened = APP.decrypt(APP_MESSAGE);
        assertThat(opened.message()).isEqualTo("<xml><ToUserName>ww1436e0e65a779aee</ToUserName>"
                + "<FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType>"
                + "<Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>");
        assertThat(opened.receiveId()).isEqualTo("ww1436e0e65a779aee");
    }

    @Test
    void signsAndOpensTheOfficialJsonCallback() {
        assertThat(JSON.signature("1409659589", "263014780", JSON_ECHO))
            .isEqualTo("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3");
        assertThat(JSON.decrypt(JSON_ECHO).message()).isEqualTo("1616140317555161061");
        assertThat(JSON.verify("0623cbc5a8cbee5bcc137c70de99575366fc2af3", "1409659813", "1372623149", JSON_MESSAGE))
            .isTrue();
        WeComCrypto.Opened opened = JSON.decrypt(JSON_MESSAGE);
        assertThat(opened.message()).startsWith("{\"ToUserName\":\"wx5823bf96d3bd56c7\",\"FromUserName\":\"mycreate\"")
            .endsWith("\"AgentID\": 218}");
        assertThat(opened.receiveId()).isEqualTo("wx5823bf96d3bd56c7");
    }

    @Test
    void encryptsTheOwnVectorFromFixedRandomBytes() {
        String encrypted = OWN.encrypt("{\"msgtype\":\"text\",\"text\":{\"content\":\"hello\"}}", "ww0000000000000000",
                "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        assertThat(encrypted).isEqualTo(OWN_MESSAGE);
        assertThat(OWN.signature("1700000000", "nonce123", encrypted))
            .isEqualTo("f13776a1eca27ab555bb7beb9d0b151af893fbb3");
    }

    @Test
    void refusesAWrongSignatureAndUpperCaseIsTheSame() {
        assertThat(APP.verify("012BC692D0A58DD4B10F8DFE5C4AC00AE211EBEB", "1476416373", "47744683", APP_ECHO)).isTrue();
        assertThat(APP.verify("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebea", "1476416373", "47744683", APP_ECHO))
            .isFalse();
        assertThat(APP.verify("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416374", "47744683", APP_ECHO))
            .isFalse();
        assertThat(APP.verify("", "1476416373", "47744683", APP_ECHO)).isFalse();
    }

    @Test
    void refusesWhatTheKeyCannotOpen() {
        assertThatThrownBy(() -> APP.decrypt("not base64 at all!")).isInstanceOf(WeComCrypto.Undecryptable.class);
        assertThatThrownBy(() -> APP.decrypt("AAAA")).isInstanceOf(WeComCrypto.Undecryptable.class);
        assertThatThrownBy(() -> OWN.decrypt(APP_MESSAGE)).isInstanceOf(WeComCrypto.Undecryptable.class);
    }

    @Test
    void refusesAKeyThatIsNot43Characters() {
        assertThatThrownBy(() -> new WeComCrypto("t", "short")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageNotContaining("short");
    }

    @Property(tries = 200)
    void whatItEncryptsItOpens(@ForAll @StringLength(max = 300) String message,
            @ForAll @StringLength(max = 40) String receiveId) {
        String encrypted = OWN.encrypt(message, receiveId);
        WeComCrypto.Opened opened = OWN.decrypt(encrypted);
        assertThat(opened.message())
            .isEqualTo(new String(message.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertThat(opened.receiveId())
            .isEqualTo(new String(receiveId.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

}
