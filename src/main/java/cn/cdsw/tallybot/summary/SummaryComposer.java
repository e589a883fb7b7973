package cn.cdsw.tallybot.summary;

import java.time.LocalDate;

/**
 * Composes the summary of a day from the stored records. Delivery calls {@link #posted}
 * once a summary has reached a group, so the composer can remember the figures it
 * published (for the next day's 更正 lines).
 */
public interface SummaryComposer {

    DailySummary compose(LocalDate date, boolean catchUp);

    /**
     * The summary of {@code date} for a person's request to post it now (#日报, the admin
     * API). A composer that remembers what it published marks a date posted before as a
     * re-post (重发) and says which figures changed since; one that keeps nothing composes
     * as for the scheduled post.
     */
    default DailySummary composeOnRequest(LocalDate date) {
        return compose(date, false);
    }

    /** The summary was delivered to at least one group; idempotent. */
    void posted(DailySummary summary);

}
