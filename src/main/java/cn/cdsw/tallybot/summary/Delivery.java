package cn.cdsw.tallybot.summary;

import java.util.Objects;

import cn.cdsw.tallybot.platform.GroupRef;
import org.jspecify.annotations.Nullable;

/**
 * What {@link DailySummaryService#postNow} did for one group: the summary it sent, and
 * the error when the platform refused or could not be reached.
 */
public record Delivery(GroupRef group, DailySummary summary, @Nullable String error) {

    public Delivery {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(summary, "summary");
    }

    public boolean sent() {
        return error == null;
    }
}
