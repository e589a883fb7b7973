package cn.cdsw.tallybot.summary;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryPropertiesTests {

    @Test
    void defaultsPostAtEightWithHoursOfRetries() {
        SummaryProperties properties = bindEnv(Map.of());

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.time()).isEqualTo(LocalTime.of(20, 0));
        assertThat(properties.onTimeWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.images()).isTrue();
        assertThat(properties.retryInitial()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.retryMax()).isEqualTo(Duration.ofMinutes(30));
        assertThat(properties.retryFor()).isEqualTo(Duration.ofHours(6));
        assertThat(properties.tick()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.initialDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.changeMinBase()).isEqualTo(20);
    }

    @Test
    void bindsThePostTimeAndSwitchesFromTheEnvironment() {
        SummaryProperties properties = bindEnv(Map.of("TALLYBOT_SUMMARY_TIME", "21:30", "TALLYBOT_SUMMARY_ENABLED",
                "false", "TALLYBOT_SUMMARY_IMAGES", "false", "TALLYBOT_SUMMARY_RETRY_FOR", "2h"));

        assertThat(properties.time()).isEqualTo(LocalTime.of(21, 30));
        assertThat(properties.enabled()).isFalse();
        assertThat(properties.images()).isFalse();
        assertThat(properties.retryFor()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void bindsKebabCaseKeysFromYaml() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("tallybot.summary.retry-initial", "10s",
                "tallybot.summary.retry-max", "5m", "tallybot.summary.on-time-window", "15m")));

        SummaryProperties properties = binder.bindOrCreate("tallybot.summary", SummaryProperties.class);

        assertThat(properties.retryInitial()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.retryMax()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.onTimeWindow()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void rejectsARetryCapBelowTheFirstDelay() {
        assertThatThrownBy(
                () -> bindEnv(Map.of("TALLYBOT_SUMMARY_RETRY_INITIAL", "1m", "TALLYBOT_SUMMARY_RETRY_MAX", "30s")))
            .isInstanceOf(BindException.class)
            .hasRootCauseMessage("tallybot.summary.retry-max must not be below retry-initial");
    }

    @Test
    void rejectsZeroDurations() {
        assertThatThrownBy(() -> bindEnv(Map.of("TALLYBOT_SUMMARY_TICK", "0s"))).isInstanceOf(BindException.class)
            .hasRootCauseMessage("tallybot.summary.tick must be positive, was PT0S");
    }

    @Test
    void bindsTheSmallestBaseOfAPercentageAndRefusesOneBelowOne() {
        assertThat(bindEnv(Map.of("TALLYBOT_SUMMARY_CHANGE_MIN_BASE", "50")).changeMinBase()).isEqualTo(50);
        assertThatThrownBy(() -> bindEnv(Map.of("TALLYBOT_SUMMARY_CHANGE_MIN_BASE", "0")))
            .isInstanceOf(BindException.class)
            .hasRootCauseMessage("tallybot.summary.change-min-base must be at least 1, was 0");
    }

    @Test
    void rejectsAnUnreadablePostTime() {
        assertThatThrownBy(() -> bindEnv(Map.of("TALLYBOT_SUMMARY_TIME", "8pm"))).isInstanceOf(BindException.class);
    }

    private static SummaryProperties bindEnv(Map<String, Object> env) {
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource("env", env)));
        return binder.bindOrCreate("tallybot.summary", SummaryProperties.class);
    }

}
