package cn.cdsw.tallybot.report;

/**
 * Outcome of {@link ReportService#store}. A redelivered message is an expected outcome,
 * not an error: it yields the record the first delivery made, so the caller can answer
 * exactly as before (docs/storage.md §5).
 */
public sealed interface StoreResult permits StoreResult.Stored, StoreResult.AlreadyStored {

    /** The record as stored now, or as stored by the first delivery. */
    ActivityRecord record();

    /** A new record was stored. */
    record Stored(ActivityRecord record) implements StoreResult {
    }

    /**
     * The source's (platform, group, message) already had a record; nothing was stored.
     */
    record AlreadyStored(ActivityRecord record) implements StoreResult {
    }

}
