package cn.cdsw.tallybot.platform.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment variables the set-up names bind, a blank one counts as unset, and the
 * secrets never show in the record's text.
 */
class WeComPropertiesTests {

    static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    static WeComProperties fromEnvironment(Map<String, Object> variables) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("tallybot.wecom",
                WeComProperties.class);
    }

    @Test
    void theDocumentedVariablesBind() {
        WeComProperties properties = fromEnvironment(Map.of("TALLYBOT_WECOM_TOKEN", "tok", "TALLYBOT_WECOM_AES_KEY",
                KEY, "TALLYBOT_WECOM_RECEIVE_ID", "ww1436e0e65a779aee", "TALLYBOT_WECOM_WEBHOOK_URL",
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "TALLYBOT_WECOM_API_URL",
                "http://127.0.0.1:9999"));

        assertThat(properties.receives()).isTrue();
        assertThat(properties.posts()).isTrue();
        assertThat(properties.aesKey()).isEqualTo(KEY);
        assertThat(properties.receiveId()).isEqualTo("ww1436e0e65a779aee");
        assertThat(properties.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(properties.toString()).doesNotContain("tok,").doesNotContain(KEY).doesNotContain("key=k");
    }

    @Test
    void blankCountsAsUnsetAndTheApiHasItsDefault() {
        WeComProperties properties = fromEnvironment(
                Map.of("TALLYBOT_WECOM_TOKEN", " ", "TALLYBOT_WECOM_AES_KEY", "", "TALLYBOT_WECOM_WEBHOOK_URL", ""));

        assertThat(properties.receives()).isFalse();
        assertThat(properties.posts()).isFalse();
        assertThat(properties.receiveId()).isEmpty();
        assertThat(properties.apiUrl()).isEqualTo(URI.create("https://qyapi.weixin.qq.com"));
    }

    @Test
    void aTokenWithoutAKeyOrAKeyOfTheWrongLengthStopsTheStart() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("TALLYBOT_WECOM_TOKEN", "tok")))
            .isInstanceOf(BindException.class)
            .rootCause()
            .hasMessageContaining("set together");
        assertThatThrownBy(() -> fromEnvironment(
                Map.of("TALLYBOT_WECOM_TOKEN", "tok", "TALLYBOT_WECOM_AES_KEY", "secret-but-short")))
            .rootCause()
            .hasMessageContaining("43-character")
            .hasMessageNotContaining("secret-but-short");
    }

    @Test
    void aWebhookPerGroupKeepsTheChatIdAsWritten() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("yaml", Map.of("tallybot.wecom.webhooks.wrkSFfCgAAtest",
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a", "tallybot.wecom.webhooks[app:1000002]",
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=b")));
        WeComProperties properties = new Binder(ConfigurationPropertySources.from(sources))
            .bindOrCreate("tallybot.wecom", WeComProperties.class);

        assertThat(properties.webhooks()).containsOnlyKeys("wrkSFfCgAAtest", "app:1000002");
        assertThat(properties.posts()).isTrue();
    }

}
