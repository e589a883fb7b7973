package cn.cdsw.tallybot.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import cn.cdsw.tallybot.platform.GroupRef;
import org.jspecify.annotations.Nullable;

/** One {@code summary_post} row: the delivery of one date's summary to one group. */
record SummaryPost(GroupRef group, LocalDate date, PostStatus status, int attempts, Instant nextAttemptAt,
        Instant claimedAt, @Nullable Instant sentAt, @Nullable String lastError, boolean catchUp,
        @Nullable String owner, @Nullable Instant leaseUntil) {

    SummaryPost {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(claimedAt, "claimedAt");
    }

    /** {@code platform:group@date}, how log lines name a post. */
    String key() {
        return group.platform() + ":" + group.groupId() + "@" + date;
    }
}
