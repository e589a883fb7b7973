package cn.cdsw.tallybot.platform.dingtalk;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DingTalkPropertiesTests {

    @Test
    void isOffWithTheRealHostsByDefault() {
        DingTalkProperties properties = bind(Map.of());

        assertThat(properties.enabled()).isFalse();
        assertThat(properties.apiUrl()).isEqualTo(URI.create("https://api.dingtalk.com"));
        assertThat(properties.oapi()).isEqualTo(URI.create("https://oapi.dingtalk.com"));
        assertThat(properties.signatureSkew()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.maxBodyBytes()).isEqualTo(65_536);
    }

    @Test
    void bindsTheDocumentedEnvironmentVariables() {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("TALLYBOT_DINGTALK_APP_KEY", "dingKEY", "TALLYBOT_DINGTALK_APP_SECRET", "dingAppSecretDemo",
                        "TALLYBOT_DINGTALK_API_URL", "http://127.0.0.1:9000", "TALLYBOT_DINGTALK_OAPI_URL",
                        "http://127.0.0.1:9001", "TALLYBOT_DINGTALK_ROBOT_CODE", "dingROBOT"));

        DingTalkProperties properties = new Binder(ConfigurationPropertySources.from(environment))
            .bind("tallybot.dingtalk", DingTalkProperties.class)
            .get();

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.appKey()).isEqualTo("dingKEY");
        assertThat(properties.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(properties.oapi()).isEqualTo(URI.create("http://127.0.0.1:9001"));
        assertThat(properties.robot()).isEqualTo("dingROBOT");
    }

    @Test
    void blankCredentialsCountAsUnsetAndTheRobotIsTheAppKey() {
        assertThat(bind(Map.of("tallybot.dingtalk.app-key", "dingKEY", "tallybot.dingtalk.app-secret", " ")).enabled())
            .isFalse();
        assertThat(bind(Map.of("tallybot.dingtalk.app-key", "dingKEY", "tallybot.dingtalk.app-secret", "s")).robot())
            .isEqualTo("dingKEY");
    }

    @Test
    void theOldApiFollowsAnApiUrlThatIsNotTheRealHost() {
        assertThat(bind(Map.of("tallybot.dingtalk.api-url", "http://127.0.0.1:9000")).oapi())
            .isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(bind(Map.of("tallybot.dingtalk.oapi-url", "")).oapi())
            .isEqualTo(URI.create("https://oapi.dingtalk.com"));
    }

    @Test
    void printsNoSecret() {
        DingTalkProperties properties = bind(
                Map.of("tallybot.dingtalk.app-key", "dingKEY", "tallybot.dingtalk.app-secret", "dingAppSecretDemo"));

        assertThat(properties.toString()).doesNotContain("dingAppSecretDemo").contains("appSecret=******");
    }

    @Test
    void refusesUrlsThatAreNotHttp() {
        assertThatExceptionOfType(BindException.class)
            .isThrownBy(() -> bind(Map.of("tallybot.dingtalk.api-url", "ftp://example.com")))
            .havingRootCause()
            .withMessageContaining("http(s)");
    }

    private static DingTalkProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("tallybot.dingtalk",
                DingTalkProperties.class);
    }

}
