package cn.cdsw.tallybot.reminder;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tallybot.reminder.*}: when the reminders (催报) go out (docs/reminders.md §4). The
 * times are local times in {@code tallybot.zone}; a group's {@code reminders} in
 * {@code groups.yml} replace them for that group.
 *
 * @param enabled whether the scheduled tick runs ({@code #催报 现在} works either way)
 * @param times the default reminder times ({@code TALLYBOT_REMINDER_TIMES}, e.g.
 * {@code 17:00,19:00}); empty turns the reminders off wherever a group sets none
 * @param lateAfter a reminder not sent this long after its time is dropped: a nudge an
 * hour late, or after the summary, only confuses
 * @param tick how often the job asks which reminders are due
 * @param initialDelay the first tick after start-up
 * @param retryInitial the wait before the first retry of a failed send; it doubles per
 * attempt, within {@code lateAfter}
 */
@ConfigurationProperties("tallybot.reminder")
record ReminderProperties(@DefaultValue("true") boolean enabled, @DefaultValue("17:00,19:00") List<LocalTime> times,
        @DefaultValue("30m") Duration lateAfter, @DefaultValue("30s") Duration tick,
        @DefaultValue("5s") Duration initialDelay, @DefaultValue("30s") Duration retryInitial) {

    ReminderProperties {
        times = times == null ? List.of() : List.copyOf(times);
        requirePositive("late-after", lateAfter);
        requirePositive("tick", tick);
        requirePositive("retry-initial", retryInitial);
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("tallybot.reminder.initial-delay must not be negative");
        }
        if (times.stream().distinct().count() != times.size()) {
            throw new IllegalArgumentException("tallybot.reminder.times lists a time twice: " + times);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("tallybot.reminder." + name + " must be positive, was " + value);
        }
    }

}
