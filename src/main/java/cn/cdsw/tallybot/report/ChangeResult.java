package cn.cdsw.tallybot.report;

/**
 * Outcome of a status change ({@link ReportService#retract},
 * {@link ReportService#correct}).
 */
public sealed interface ChangeResult permits ChangeResult.Changed, ChangeResult.NotFound, ChangeResult.NotActive {

    /**
     * The change took effect, or had already taken effect for this source (idempotent
     * correction). For a retraction {@code after} is the retracted record; for a
     * correction it is the new record.
     */
    record Changed(ActivityRecord after) implements ChangeResult {
    }

    /** No record has that id. */
    record NotFound(long id) implements ChangeResult {
    }

    /** The record was already retracted or superseded; nothing changed. */
    record NotActive(ActivityRecord record) implements ChangeResult {
    }

}
