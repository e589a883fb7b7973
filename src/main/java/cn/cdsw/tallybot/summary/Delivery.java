package cn.cdsw.tallybot.summary;

import java.util.Objects;

import cn.cdsw.tallybot.platform.GroupRef;
import org.jspecify.annotations.Nullable;

/**
 * What {@link DailySummaryService#postNow} did for one group: the summary it queued, the
 * post's status ({@code queued}, or {@code abandoned} when the group's platform has no
 * sender), and why when it was not queued afresh.
 */
public record Delivery(GroupRef group, DailySummary summary, String status, @Nullable String error) {

    public Delivery {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(status, "status");
    }

    /**
     * The post's id, {@code platform:group@date} ({@code @weekly:date} for a report), as
     * the progress lists it.
     */
    public String id() {
        return summary.kind().postId(group.platform(), group.groupId(), summary.date());
    }

    /** True when the post waits in its group's queue. */
    public boolean queued() {
        return "queued".equals(status);
    }
}
