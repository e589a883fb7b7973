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
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.ChangeResult;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.RecordStatus;
import cn.cdsw.tallybot.report.ReportContent;
import cn.cdsw.tallybot.report.ReportService;

/** #撤回 and #更正: own records, or any record for a coordinator; only active records change. */
@Component
class RecordChanges {

    private static final Logger log = LoggerFactory.getLogger(RecordChanges.class);

    private final ReportService reports;
    private final BotConfig config;

    RecordChanges(ReportService reports, BotConfig config) {
        this.reports = reports;
        this.config = config;
    }

    String retract(@Nullable Long id, Turn turn) {
        Optional<ActivityRecord> target = id == null
                ? reports.lastActive(turn.message().platform(), turn.message().groupId(), turn.message().senderId())
                : reports.find(id);
        if (target.isEmpty()) {
            return id == null ? "您在本群还没有可撤回的记录。" : ReplyTexts.notFound(id);
        }
        Optional<String> refusal = refusal(target.get(), turn, "撤回");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        ChangeResult result = reports.retract(target.get().id(), turn.actor());
        if (result instanceof ChangeResult.Changed changed) {
            log.debug("record #{} retracted", changed.after().id());
            return ReplyTexts.retracted(changed.after(), ReplyTexts.figures(changed.after().content(), config));
        }
        return notActive(target.get().id());
    }

    String correct(long id, ReportDraft changes, Turn turn) {
        Optional<ActivityRecord> target = reports.find(id);
        if (target.isEmpty()) {
            return ReplyTexts.notFound(id);
        }
        Optional<String> refusal = refusal(target.get(), turn, "更正");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        ReportContent merged = merge(target.get().content(), changes);
        ChangeResult result = reports.correct(id, turn.source(), merged, turn.message().text(), turn.actor());
        if (result instanceof ChangeResult.Changed changed) {
            log.debug("record #{} superseded by #{}", id, changed.after().id());
            return ReplyTexts.corrected(id, changed.after(), ReplyTexts.figures(changed.after().content(), config));
        }
        return notActive(id);
    }

    private Optional<String> refusal(ActivityRecord record, Turn turn, String verb) {
        if (!turn.mayChange(record.source().senderId())) {
            return Optional.of("❌ 只能" + verb + "自己的记录，#" + record.id() + " 是" + record.source().senderName()
                    + "报的。如需" + verb + "请联系协调员。");
        }
        if (record.status() != RecordStatus.ACTIVE) {
            return Optional.of(notActive(record.id()));
        }
        return Optional.empty();
    }

    private static String notActive(long id) {
        return "记录 #" + id + " 已经撤回或更正过，不能再改。发送「#我的」查看当前记录。";
    }

    /**
     * The old content with the fields the correction names replaced: a metric replaces all figures of that
     * metric, items replace all items (and the total is then theirs unless one is written), other fields
     * replace their own value.
     */
    static ReportContent merge(ReportContent old, ReportDraft changes) {
        Set<String> changedKeys = changes.metrics().stream().map(Metric::key).collect(Collectors.toSet());
        List<Metric> metrics = new ArrayList<>(old.metrics().stream().filter(m -> !changedKeys.contains(m.key()))
                .toList());
        metrics.addAll(changes.metrics());
        boolean newItems = !changes.items().isEmpty();
        Long total = changes.explicitTotal() != null || newItems ? changes.materialsTotal() : old.materialsTotal();
        return new ReportContent(
                changes.district() != null ? changes.district() : old.district(),
                changes.unit() != null ? changes.unit() : old.unit(),
                changes.category() != null ? changes.category() : old.category(),
                changes.activityDate() != null ? changes.activityDate() : old.activityDate(),
                metrics, newItems ? changes.items() : old.items(), total,
                changes.valueYuan() != null ? changes.valueYuan() : old.valueYuan(),
                changes.note() != null ? changes.note() : old.note());
    }
}
