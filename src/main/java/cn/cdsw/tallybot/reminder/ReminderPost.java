package cn.cdsw.tallybot.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

import cn.cdsw.tallybot.platform.GroupRef;
import org.jspecify.annotations.Nullable;

/** One {@code reminder_post} row: one reminder slot of one group on one date. */
record ReminderPost(GroupRef group, LocalDate date, LocalTime slot, String status, int attempts, Instant nextAttemptAt,
        Instant claimedAt, @Nullable String owner) {

    ReminderPost {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(status, "status");
    }

    /** {@code platform:group@date HH:MM}, how log lines name a reminder. */
    String key() {
        return group.platform() + ":" + group.groupId() + "@" + date + " " + slotText(slot);
    }

    static String slotText(LocalTime slot) {
        return String.format("%02d:%02d", slot.getHour(), slot.getMinute());
    }

}
