package cn.cdsw.tallybot.reminder;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code tallybot.reminder.*} as the environment sets it. */
class ReminderPropertiesTests {

    static ReminderProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("tallybot.reminder",
                ReminderProperties.class);
    }

    @Test
    void defaultsToFiveAndSevenInTheEvening() {
        ReminderProperties properties = bind(Map.of());

        assertThat(properties.times()).containsExactly(LocalTime.of(17, 0), LocalTime.of(19, 0));
        assertThat(properties.lateAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(properties.enabled()).isTrue();
    }

    @Test
    void readsTheTimesOfTheEnvironmentAndAnEmptyValueTurnsThemOff() {
        assertThat(bind(Map.of("tallybot.reminder.times", "16:30, 18:45")).times())
            .containsExactly(LocalTime.of(16, 30), LocalTime.of(18, 45));
        assertThat(bind(Map.of("tallybot.reminder.times", "")).times()).isEmpty();
    }

    @Test
    void refusesATimeListedTwiceAndATimeThatIsNone() {
        assertThatThrownBy(() -> bind(Map.of("tallybot.reminder.times", "17:00,17:00")))
            .isInstanceOf(BindException.class)
            .hasRootCauseMessage("tallybot.reminder.times lists a time twice: [17:00, 17:00]");
        assertThatThrownBy(() -> bind(Map.of("tallybot.reminder.times", "25:00"))).isInstanceOf(BindException.class);
    }

}
