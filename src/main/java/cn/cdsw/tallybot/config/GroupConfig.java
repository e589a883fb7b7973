package cn.cdsw.tallybot.config;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A chat group the bot serves; {@code summary} groups receive the evening tally and the
 * reminders (催报) before it. {@code reminderTimes}, when set, replace
 * {@code tallybot.reminders.times} for this group (empty: no reminders here);
 * {@code reportingDays} is what the group expects of units that say nothing themselves
 * (docs/reminders.md §2).
 */
public record GroupConfig(String platform, String id, String name, boolean summary,
        @Nullable List<LocalTime> reminderTimes, ReportingDays reportingDays) {

    public GroupConfig {
        reminderTimes = reminderTimes == null ? null : List.copyOf(reminderTimes);
        Objects.requireNonNull(reportingDays, "reportingDays");
    }

    public GroupConfig(String platform, String id, String name, boolean summary) {
        this(platform, id, name, summary, null, ReportingDays.UNSET);
    }
}
