package cn.cdsw.tallybot.conversation;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.CommandParser;
import cn.cdsw.tallybot.command.Place;
import cn.cdsw.tallybot.command.ReportDraft;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.Actor;
import cn.cdsw.tallybot.report.Binding;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.report.StoreResult;

/**
 * #上报: fills a missing district and unit from the sender's binding, asks for a district that is still
 * missing, and stores the record. Also completes a pending report with the sender's answer.
 */
@Component
class ReportCommands {

    private static final Logger log = LoggerFactory.getLogger(ReportCommands.class);

    private final ReportService reports;
    private final PendingReports pending;
    private final CommandParser parser;
    private final BotConfig config;

    ReportCommands(ReportService reports, PendingReports pending, CommandParser parser, BotConfig config) {
        this.reports = reports;
        this.pending = pending;
        this.parser = parser;
        this.config = config;
    }

    Optional<String> report(ReportDraft draft, Turn turn) {
        Optional<Binding> binding = reports.bindingOf(turn.message().platform(), turn.message().senderId());
        String district = draft.district() != null ? draft.district() : binding.map(Binding::district).orElse(null);
        if (district == null) {
            pending.ask(turn.message(), draft);
            log.info("report waits for its district");
            return Optional.of(ReplyTexts.ASK_DISTRICT);
        }
        return store(draft, district, draft.unit() != null ? draft.unit() : boundUnit(binding, district), turn);
    }

    /** A plain message from a sender who owes a district: complete the report, or keep waiting. */
    Optional<String> complete(Turn turn) {
        Optional<PendingReports.Pending> waiting = pending.take(turn.message());
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        PendingReports.Pending report = waiting.get();
        Optional<Place> place = parser.readPlace(turn.message().text(), turn.context());
        if (place.isEmpty()) {
            pending.putBack(report);
            List<String> nearest = parser.nearestDistricts(turn.message().text());
            return nearest.isEmpty() || turn.message().text().length() > 8 ? Optional.empty()
                    : Optional.of("❌ 没有找到这个区县，您是不是要找：" + String.join("、", nearest) + "？请直接回复区县名。");
        }
        ReportDraft draft = report.draft();
        String unit = draft.unit() != null ? draft.unit() : place.get().unit();
        if (unit == null) {
            unit = boundUnit(reports.bindingOf(turn.message().platform(), turn.message().senderId()),
                    place.get().district());
        }
        return store(draft, place.get().district(), unit, new Turn(report.original(), turn.context()));
    }

    /** A recalled chat message takes its record with it (OneBot group_recall). */
    Optional<ActivityRecord> recall(MessageRecall recall) {
        return reports.retractBySource(recall.platform(), recall.groupId(), recall.messageId(),
                new Actor(recall.platform(), recall.operatorId()));
    }

    private Optional<String> store(ReportDraft draft, String district, String unit, Turn turn) {
        if (unit == null) {
            return Optional.of(ReplyTexts.MISSING_UNIT);
        }
        StoreResult result = reports.store(turn.source(), draft.withPlace(district, unit).toContent(),
                turn.message().text());
        List<String> figures = result instanceof StoreResult.Stored ? draft.figures()
                : ReplyTexts.figures(result.record().content(), config.metrics(), config.materials().totalUnit());
        log.info("report #{} {} for {}·{}", result.record().id(),
                result instanceof StoreResult.Stored ? "stored" : "already stored", district, unit);
        return Optional.of(ReplyTexts.stored(result.record(), figures));
    }

    /** The bound unit, when the binding is for the same district (or the report named none). */
    private static @Nullable String boundUnit(Optional<Binding> binding, String district) {
        return binding.filter(b -> b.district().equals(district)).map(Binding::unit).orElse(null);
    }
}
