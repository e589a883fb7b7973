package cn.cdsw.tallybot.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import cn.cdsw.tallybot.platform.GroupRef;
import org.jspecify.annotations.Nullable;

/**
 * One {@code summary_post} row: the delivery of one period's post of a kind (the daily
 * summary of a date, the weekly or monthly report of the period starting on it) to one
 * group.
 */
record SummaryPost(GroupRef group, PostKind kind, LocalDate date, PostStatus status, int attempts,
        Instant nextAttemptAt, Instant claimedAt, @Nullable Instant sentAt, @Nullable String lastError, boolean catchUp,
        @Nullable String owner, @Nullable Instant leaseUntil) {

    SummaryPost {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(claimedAt, "claimedAt");
    }

    /**
     * {@code platform:group@date} ({@code @weekly:date} for a report), how log lines name
     * a post.
     */
    String key() {
        return kind.postId(group.platform(), group.groupId(), date);
    }
}
