package cn.cdsw.tallybot.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ApiPropertiesTests {

    @Test
    void bindsTheTokenFromTheEnvironmentVariable() {
        ApiProperties properties = bind(Map.of("TALLYBOT_API_TOKEN", "s3cret"));

        assertThat(properties.token()).isEqualTo("s3cret");
        assertThat(properties.enabled()).isTrue();
        assertThat(properties.toString()).doesNotContain("s3cret");
    }

    @Test
    void isDisabledWhenUnsetOrBlank() {
        assertThat(new ApiProperties(null).enabled()).isFalse();
        assertThat(bind(Map.of("TALLYBOT_API_TOKEN", " ")).enabled()).isFalse();
    }

    private static ApiProperties bind(Map<String, Object> env) {
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource("env", env)));
        return binder.bindOrCreate("tallybot.api", ApiProperties.class);
    }

}
