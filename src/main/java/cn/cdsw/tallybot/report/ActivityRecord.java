package cn.cdsw.tallybot.report;

import org.jspecify.annotations.Nullable;

/**
 * One stored report (docs/domain.md §1). A correction creates a new record whose
 * {@code supersedes} names the old one; the old one becomes
 * {@link RecordStatus#SUPERSEDED} with {@code supersededBy} set.
 */
public record ActivityRecord(long id, RecordSource source, ReportContent content, String rawText, RecordStatus status,
        @Nullable Long supersedes, @Nullable Long supersededBy) {

    /** This record after a status change that touched nothing else (a retraction). */
    ActivityRecord withStatus(RecordStatus newStatus) {
        return new ActivityRecord(id, source, content, rawText, newStatus, supersedes, supersededBy);
    }
}
