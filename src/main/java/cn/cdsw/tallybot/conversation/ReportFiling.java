package cn.cdsw.tallybot.conversation;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.Place;
import cn.cdsw.tallybot.command.ReportDraft;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.Actor;
import cn.cdsw.tallybot.report.Binding;
import cn.cdsw.tallybot.report.RecordSource;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.report.StoreResult;
import cn.cdsw.tallybot.storage.AfterCommit;
import cn.cdsw.tallybot.wording.RecordReplies;
import cn.cdsw.tallybot.wording.Wording;

/**
 * Stores a report whose place is known and words the ✅ reply; shared by the form path,
 * the follow-up question for the place and the prose 确认, so all three store and answer
 * alike. The record's source is the turn's message: for a completed or confirmed report
 * that is the original #上报 message, so a redelivery cannot store it twice.
 */
@Component
class ReportFiling {

    private static final Logger log = LoggerFactory.getLogger(ReportFiling.class);

    private final ReportService reports;

    private final RecordReplies replies;

    private final ReportMetrics metrics;

    ReportFiling(ReportService reports, Wording wording, ReportMetrics metrics) {
        this.reports = reports;
        this.replies = wording.records();
        this.metrics = metrics;
    }

    /**
     * Retracts the record a recalled chat message created, if it is still active, with a
     * {@code recalled} line in its audit trail.
     */
    Optional<ActivityRecord> retractRecalled(MessageRecall recall) {
        return reports.retractBySource(recall.platform(), recall.groupId(), recall.messageId(),
                new Actor(recall.platform(), recall.operatorId()));
    }

    /**
     * Stores the report; a report whose station is still unknown is refused instead. A
     * report stored before (the same message again) is answered from its record, so both
     * answers read alike.
     */
    Optional<String> store(ReportDraft draft, String district, @Nullable String unit, Turn turn) {
        if (unit == null) {
            return Optional.of(refuseWithoutStation());
        }
        StoreResult result = file(draft.withPlace(district, unit), turn.source(), turn.message().text());
        return Optional.of(replies.stored(result.record()));
    }

    /**
     * Stores a draft whose place is known under its source: the one way every report is
     * stored. A source stored before (a redelivery, a second 确认) gets its first record
     * back and stores nothing.
     */
    StoreResult file(ReportDraft placed, RecordSource source, String rawText) {
        StoreResult result = reports.store(source, placed.toContent(), rawText);
        if (result instanceof StoreResult.Stored) {
            AfterCommit.run(metrics::stored);
        }
        log.debug("report #{} {} for {}·{}", result.record().id(),
                result instanceof StoreResult.Stored ? "stored" : "already stored", placed.district(), placed.unit());
        return result;
    }

    /**
     * The refusal of a report whose unit is neither written nor bound, counted as such.
     */
    String refuseWithoutStation() {
        AfterCommit.run(metrics::stationMissing);
        return replies.missingUnit();
    }

    /**
     * Where a report belongs, as far as it is known; either part may still be missing.
     */
    record Where(@Nullable String district, @Nullable String unit) {
    }

    /**
     * The district and unit of a report: as written, else as the sender answered a
     * question, else from the sender's binding — whose unit only counts for the binding's
     * own district. A report that names both is filed as written without looking the
     * binding up (one query less per report on the writer thread).
     */
    Where place(ReportDraft draft, ChatMessage sender, @Nullable Place answer) {
        if (draft.district() != null && draft.unit() != null) {
            return new Where(draft.district(), draft.unit());
        }
        Optional<Binding> binding = reports.bindingOf(sender.platform(), sender.senderId());
        String district = firstKnown(draft.district(), answer == null ? null : answer.district(),
                binding.map(Binding::district).orElse(null));
        String boundUnit = binding.filter(b -> b.district().equals(district)).map(Binding::unit).orElse(null);
        return new Where(district, firstKnown(draft.unit(), answer == null ? null : answer.unit(), boundUnit));
    }

    private static @Nullable String firstKnown(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

}
