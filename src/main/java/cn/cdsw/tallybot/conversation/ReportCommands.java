package cn.cdsw.tallybot.conversation;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.CommandParser;
import cn.cdsw.tallybot.command.Place;
import cn.cdsw.tallybot.command.ProseNotes;
import cn.cdsw.tallybot.command.ReportDraft;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.storage.Ledger;
import cn.cdsw.tallybot.wording.RecordReplies;
import cn.cdsw.tallybot.wording.Wording;

/**
 * #上报: fills a missing district and unit from the sender's binding, asks for a district
 * that is still missing, and stores the record. Also completes a pending report with the
 * sender's answer, and hands a pasted paragraph to {@link ProseConfirmations}, which
 * stores it only on 确认.
 */
@Component
class ReportCommands {

    private static final Logger log = LoggerFactory.getLogger(ReportCommands.class);

    private final Ledger ledger;

    private final PendingDrafts pending;

    private final CommandParser parser;

    private final ReportFiling filing;

    private final ProseConfirmations confirmations;

    private final RecordReplies replies;

    ReportCommands(Ledger ledger, @Qualifier("districtQuestions") PendingDrafts pending, CommandParser parser,
            ReportFiling filing, ProseConfirmations confirmations, Wording wording) {
        this.ledger = ledger;
        this.pending = pending;
        this.parser = parser;
        this.filing = filing;
        this.confirmations = confirmations;
        this.replies = wording.records();
    }

    Optional<String> report(ReportDraft draft, Turn turn) {
        ReportFiling.Where where = filing.place(draft, turn.message(), null);
        if (where.district() == null) {
            pending.hold(turn.message(), draft);
            log.info("report waits for its district");
            return Optional.of(replies.askDistrict(pending.timeout()));
        }
        return filing.store(draft, where.district(), where.unit(), turn);
    }

    /** #上报 with a pasted paragraph: show what was read and wait for 确认. */
    Optional<String> prose(ReportDraft draft, ProseNotes notes, Turn turn) {
        return confirmations.propose(draft, notes, turn);
    }

    /** Whether the sender owes an answer: a 确认 of a prose report, or a district. */
    boolean awaitsAnswer(ChatMessage message) {
        return confirmations.waitingFor(message) || pending.waitingFor(message);
    }

    /**
     * A plain message from a sender who owes an answer: the 确认 of a prose report first,
     * else a district.
     */
    Optional<String> answer(Turn turn) {
        return confirmations.waitingFor(turn.message()) ? confirmations.answer(turn) : complete(turn);
    }

    /** A new command from the sender replaces whatever they were asked before. */
    void forget(ChatMessage message) {
        pending.drop(message);
        confirmations.drop(message);
    }

    /**
     * A plain message from a sender who owes a district: complete the report, or keep
     * waiting.
     */
    Optional<String> complete(Turn turn) {
        Optional<PendingDrafts.Pending> waiting = pending.take(turn.message());
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        PendingDrafts.Pending report = waiting.get();
        Optional<Place> place = parser.readPlace(turn.message().text(), turn.context());
        if (place.isEmpty()) {
            pending.putBack(report);
            List<String> nearest = parser.nearestDistricts(turn.message().text());
            return nearest.isEmpty() || turn.message().text().length() > 8 ? Optional.empty()
                    : Optional.of(replies.noSuchDistrict(nearest));
        }
        return filing.storeAnswered(report.draft(), place.get(), turn.message(),
                new Turn(report.original(), turn.context()));
    }

    /**
     * A recalled chat message takes its record with it (OneBot group_recall). A unit of
     * the ledger like a message's work, so that on SQLite the retraction is one more unit
     * of the writer's batch; a recall has no reply to record.
     */
    Optional<ActivityRecord> recall(MessageRecall recall) {
        pending.dropIfOriginal(recall);
        confirmations.dropIfOriginal(recall);
        return ledger.write(unit -> filing.retractRecalled(recall));
    }

}
