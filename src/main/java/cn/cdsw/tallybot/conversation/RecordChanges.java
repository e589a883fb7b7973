package cn.cdsw.tallybot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.ReportDraft;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.ChangeResult;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.RecordStatus;
import cn.cdsw.tallybot.report.ReportContent;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.wording.PrivateChatReplies;
import cn.cdsw.tallybot.wording.RecordReplies;
import cn.cdsw.tallybot.wording.Wording;

/**
 * #撤回 and #更正: own records, or any record for a coordinator; only active records change.
 */
@Component
class RecordChanges {

    private static final Logger log = LoggerFactory.getLogger(RecordChanges.class);

    private final ReportService reports;

    private final RecordReplies replies;

    private final PrivateChatReplies privateReplies;

    RecordChanges(ReportService reports, Wording wording) {
        this.reports = reports;
        this.replies = wording.records();
        this.privateReplies = wording.privateChat();
    }

    String retract(@Nullable Long id, Turn turn) {
        Optional<ActivityRecord> target = id == null
                ? reports.lastActive(turn.message().platform(), turn.message().groupId(), turn.message().senderId())
                : reports.find(id);
        if (target.isEmpty()) {
            if (id != null) {
                return replies.notFound(id);
            }
            return turn.message().isPrivate() ? privateReplies.nothingToRetract() : replies.nothingToRetract();
        }
        Optional<String> refusal = refusal(target.get(), turn, CommandType.RETRACT);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        ChangeResult result = reports.retract(target.get().id(), turn.actor());
        if (result instanceof ChangeResult.Changed changed) {
            log.debug("record #{} retracted", changed.after().id());
            return replies.retracted(changed.after());
        }
        return replies.notActive(target.get().id());
    }

    String correct(long id, ReportDraft changes, Turn turn) {
        Optional<ActivityRecord> target = reports.find(id);
        if (target.isEmpty()) {
            return replies.notFound(id);
        }
        Optional<String> refusal = refusal(target.get(), turn, CommandType.CORRECT);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        ReportContent merged = merge(target.get().content(), changes);
        ChangeResult result = reports.correct(id, turn.source(), merged, turn.message().text(), turn.actor());
        if (result instanceof ChangeResult.Changed changed) {
            log.debug("record #{} superseded by #{}", id, changed.after().id());
            return replies.corrected(id, changed.after());
        }
        return replies.notActive(id);
    }

    private Optional<String> refusal(ActivityRecord record, Turn turn, CommandType command) {
        if (!turn.mayChange(record.source().senderId())) {
            return Optional.of(replies.notYours(record, command));
        }
        if (record.status() != RecordStatus.ACTIVE) {
            return Optional.of(replies.notActive(record.id()));
        }
        return Optional.empty();
    }

    /**
     * The old content with the fields the correction names replaced: a metric replaces
     * all figures of that metric, items replace all items (and the total is then theirs
     * unless one is written), other fields replace their own value.
     */
    static ReportContent merge(ReportContent old, ReportDraft changes) {
        Set<String> changedKeys = changes.metrics().stream().map(Metric::key).collect(Collectors.toSet());
        List<Metric> metrics = new ArrayList<>(
                old.metrics().stream().filter(m -> !changedKeys.contains(m.key())).toList());
        metrics.addAll(changes.metrics());
        boolean newItems = !changes.items().isEmpty();
        Long total = changes.explicitTotal() != null || newItems ? changes.materialsTotal() : old.materialsTotal();
        return new ReportContent(changes.district() != null ? changes.district() : old.district(),
                changes.unit() != null ? changes.unit() : old.unit(),
                changes.category() != null ? changes.category() : old.category(),
                changes.activityDate() != null ? changes.activityDate() : old.activityDate(), metrics,
                newItems ? changes.items() : old.items(), total,
                changes.valueYuan() != null ? changes.valueYuan() : old.valueYuan(),
                changes.note() != null ? changes.note() : old.note());
    }

}
