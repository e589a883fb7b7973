package cn.cdsw.tallybot.summary;

import java.time.LocalDate;

/**
 * Composes the summary of a day from the stored records. Delivery calls {@link #posted}
 * once a summary has reached a group, so the composer can remember the figures it
 * published (for the next day's 更正 lines).
 */
public interface SummaryComposer {

    DailySummary compose(LocalDate date, boolean catchUp);

    /** The summary was delivered to at least one group; idempotent. */
    void posted(DailySummary summary);

}
