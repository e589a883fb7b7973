package cn.cdsw.tallybot.platform.onebot;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OneBotPropertiesTests {

    @Test
    void defaultsToQuickRepliesWithoutAtAnd64KiB() {
        OneBotProperties properties = bind(Map.of());

        assertThat(properties).isEqualTo(new OneBotProperties(null, null, null, OneBotProperties.ReplyMode.QUICK, false,
                65_536, false, Duration.ofSeconds(10), Set.of(OneBotProperties.Mode.HTTP), null, Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }

    @Test
    void printsNeitherTheSecretNorTheAccessToken() {
        OneBotProperties properties = new OneBotProperties("onebot-secret", URI.create("http://127.0.0.1:3000"),
                "kSLuTF2GC2Q4q4ugm3", OneBotProperties.ReplyMode.API, false, 65_536, false, Duration.ofSeconds(10),
                Set.of(OneBotProperties.Mode.HTTP), null, Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofMinutes(1));

        assertThat(properties.toString()).doesNotContain("onebot-secret")
            .doesNotContain("kSLuTF2GC2Q4q4ugm3")
            .contains("secret=******")
            .contains("apiUrl=http://127.0.0.1:3000");
    }

    @Test
    void bindsTheDocumentedEnvironmentVariables() {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("TALLYBOT_ONEBOT_SECRET", "onebot-secret", "TALLYBOT_ONEBOT_API_URL", "http://127.0.0.1:3000",
                        "TALLYBOT_ONEBOT_ACCESS_TOKEN", "kSLuTF2GC2Q4q4ugm3", "TALLYBOT_ONEBOT_REPLY_MODE", "api",
                        "TALLYBOT_ONEBOT_INSECURE", "true"));

        OneBotProperties properties = new Binder(ConfigurationPropertySources.from(environment))
            .bind("tallybot.onebot", OneBotProperties.class)
            .get();

        assertThat(properties.secret()).isEqualTo("onebot-secret");
        assertThat(properties.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:3000"));
        assertThat(properties.accessToken()).isEqualTo("kSLuTF2GC2Q4q4ugm3");
        assertThat(properties.replyMode()).isEqualTo(OneBotProperties.ReplyMode.API);
        assertThat(properties.insecure()).isTrue();
    }

    @Test
    void bindsTheWebSocketModesFromACommaListOfTheDocumentedNames() {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("TALLYBOT_ONEBOT_MODE",
                        "ws-reverse,ws-forward, http", "TALLYBOT_ONEBOT_WS_URL", "ws://127.0.0.1:3001"));

        OneBotProperties properties = new Binder(ConfigurationPropertySources.from(environment))
            .bind("tallybot.onebot", OneBotProperties.class)
            .get();

        assertThat(properties.mode()).containsExactlyInAnyOrder(OneBotProperties.Mode.HTTP,
                OneBotProperties.Mode.WS_REVERSE, OneBotProperties.Mode.WS_FORWARD);
        assertThat(properties.wsUrl()).isEqualTo(URI.create("ws://127.0.0.1:3001"));
        assertThat(properties.usesWebSocket()).isTrue();
    }

    @Test
    void aBlankModeMeansHttp() {
        assertThat(bind(Map.of("tallybot.onebot.mode", "")).mode()).containsExactly(OneBotProperties.Mode.HTTP);
    }

    @Test
    void forwardNeedsAWebSocketUrl() {
        assertThatExceptionOfType(BindException.class)
            .isThrownBy(() -> bind(Map.of("tallybot.onebot.mode", "ws-forward")))
            .havingRootCause()
            .withMessageContaining("tallybot.onebot.ws-url");
        assertThatExceptionOfType(BindException.class)
            .isThrownBy(() -> bind(
                    Map.of("tallybot.onebot.mode", "ws-forward", "tallybot.onebot.ws-url", "http://127.0.0.1:3001")))
            .havingRootCause()
            .withMessageContaining("ws(s) URL");
    }

    @Test
    void printsTheWebSocketUrlWithoutItsQuery() {
        OneBotProperties properties = bind(Map.of("tallybot.onebot.mode", "ws-forward", "tallybot.onebot.ws-url",
                "ws://127.0.0.1:3001/?access_token=kSLuTF2GC2Q4q4ugm3"));

        assertThat(properties.toString()).doesNotContain("kSLuTF2GC2Q4q4ugm3").contains("wsUrl=ws://127.0.0.1:3001/?…");
    }

    @Test
    void bindsKebabCaseKeys() {
        OneBotProperties properties = bind(Map.of("tallybot.onebot.at-sender", "true", "tallybot.onebot.max-body-bytes",
                "1024", "tallybot.onebot.reply-mode", "QUICK"));

        assertThat(properties.atSender()).isTrue();
        assertThat(properties.maxBodyBytes()).isEqualTo(1024);
    }

    @Test
    void treatsBlankValuesAsUnsetAsAnEmptyComposeVariableLeavesThem() {
        OneBotProperties properties = bind(Map.of("tallybot.onebot.secret", " ", "tallybot.onebot.access-token", "",
                "tallybot.onebot.api-url", ""));

        assertThat(properties.secret()).isNull();
        assertThat(properties.accessToken()).isNull();
        assertThat(properties.apiUrl()).isNull();
    }

    @Test
    void refusesApiModeWithoutApiUrl() {
        assertThatExceptionOfType(BindException.class)
            .isThrownBy(() -> bind(Map.of("tallybot.onebot.reply-mode", "API")))
            .havingRootCause()
            .withMessageContaining("api-url");
    }

    @Test
    void refusesANonHttpApiUrlAndANonPositiveLimit() {
        assertThatExceptionOfType(BindException.class)
            .isThrownBy(() -> bind(Map.of("tallybot.onebot.api-url", "ws://127.0.0.1:3001")));
        assertThatExceptionOfType(BindException.class)
            .isThrownBy(() -> bind(Map.of("tallybot.onebot.max-body-bytes", "0")));
    }

    @Test
    void bindsTheBodyTimeoutAndRefusesANonPositiveOne() {
        assertThat(bind(Map.of("tallybot.onebot.body-timeout", "2s")).bodyTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThatExceptionOfType(BindException.class)
            .isThrownBy(() -> bind(Map.of("tallybot.onebot.body-timeout", "0s")))
            .havingRootCause()
            .withMessageContaining("body-timeout");
    }

    private static OneBotProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("tallybot.onebot",
                OneBotProperties.class);
    }

}
