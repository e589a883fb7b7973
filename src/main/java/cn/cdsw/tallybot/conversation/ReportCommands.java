package cn.cdsw.tallybot.conversation;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.command.CommandParser;
import cn.cdsw.tallybot.command.Place;
import cn.cdsw.tallybot.command.ProseNotes;
import cn.cdsw.tallybot.command.ReportDraft;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.storage.Ledger;
import cn.cdsw.tallybot.wording.RecordReplies;
import cn.cdsw.tallybot.wording.Wording;

/**
 * #上报: fills a missing district and unit from the sender's binding, asks for what is
 * still missing, and stores the record. Also completes a pending report with the sender's
 * answer, and hands a pasted paragraph to {@link ProseConfirmations} and a bulletin of
 * several stations to {@link BulletinConfirmations}, which store them only on 确认.
 */
@Component
class ReportCommands {

    private static final Logger log = LoggerFactory.getLogger(ReportCommands.class);

    private final Ledger ledger;

    private final PendingDrafts pending;

    private final CommandParser parser;

    private final ReportFiling filing;

    private final ProseConfirmations confirmations;

    private final BulletinConfirmations bulletins;

    private final RecordReplies replies;

    private final BotConfig config;

    ReportCommands(Ledger ledger, @Qualifier("districtQuestions") PendingDrafts pending, CommandParser parser,
            ReportFiling filing, ProseConfirmations confirmations, BulletinConfirmations bulletins, BotConfig config,
            Wording wording) {
        this.ledger = ledger;
        this.pending = pending;
        this.parser = parser;
        this.filing = filing;
        this.confirmations = confirmations;
        this.bulletins = bulletins;
        this.replies = wording.records();
        this.config = config;
    }

    Optional<String> report(ReportDraft draft, Turn turn) {
        return settle(draft, filing.place(draft, turn.message(), null), turn, false);
    }

    /**
     * Stores the report of {@code original} where it belongs, or holds it and asks for
     * what is missing, or for the unit when the one written or answered is a near miss of
     * a unit listed for the district (the grammar checks that only when the district is
     * written with it).
     */
    private Optional<String> settle(ReportDraft draft, ReportFiling.Where where, Turn original, boolean afterAnswer) {
        if (where.district() == null || where.unit() == null) {
            return Optional.of(ask(original.message(), draft.withPlace(where.district(), where.unit()), afterAnswer));
        }
        Optional<String> meant = parser.unitNearMiss(where.district(), where.unit());
        if (meant.isPresent()) {
            pending.hold(original.message(), draft.withPlace(where.district(), null));
            log.info("report waits for its unit: the one given is a near miss of a listed unit");
            return Optional.of(replies.askUnitMeant(where.district(), where.unit(), meant.get(), pending.timeout()));
        }
        return filing.store(draft, where.district(), where.unit(), original);
    }

    /**
     * Holds the report of {@code original}, with as much of its place as is known, and
     * asks for the rest in one question; a fresh deadline, because the question names it.
     */
    private String ask(ChatMessage original, ReportDraft held, boolean afterAnswer) {
        pending.hold(original, held);
        log.info("report waits for its {}",
                held.district() == null ? (held.unit() == null ? "district and unit" : "district") : "unit");
        String example = held.district() == null ? null
                : config.unitDirectory().unitsOf(held.district()).stream().findFirst().orElse(null);
        return replies.askPlace(held.district(), held.unit(), afterAnswer, example, pending.timeout());
    }

    /** #上报 with a pasted paragraph: show what was read and wait for 确认. */
    Optional<String> prose(ReportDraft draft, ProseNotes notes, Turn turn) {
        return confirmations.propose(draft, notes, turn);
    }

    /** #上报 with a bulletin of several stations: show them numbered and wait for 确认. */
    Optional<String> bulletin(Command.Bulletin bulletin, Turn turn) {
        return Optional.of(bulletins.propose(bulletin, turn));
    }

    /**
     * Whether the sender owes an answer: a 确认 of a bulletin or a prose report, or where a
     * report belongs.
     */
    boolean awaitsAnswer(ChatMessage message) {
        return bulletins.waitingFor(message) || confirmations.waitingFor(message) || pending.waitingFor(message);
    }

    /**
     * A plain message from a sender who owes an answer: the 确认 of a bulletin or a prose
     * report first, else where a report belongs.
     */
    Optional<String> answer(Turn turn) {
        if (bulletins.waitingFor(turn.message())) {
            return bulletins.answer(turn);
        }
        return confirmations.waitingFor(turn.message()) ? confirmations.answer(turn) : complete(turn);
    }

    /** A new command from the sender replaces whatever they were asked before. */
    void forget(ChatMessage message) {
        pending.drop(message);
        confirmations.drop(message);
        bulletins.drop(message);
    }

    /**
     * A plain message from a sender who owes a district, a unit or both: 取消 drops the
     * report; an answer with all that was missing stores it, one with part of it is kept
     * and the rest asked for; anything else leaves the question open.
     */
    Optional<String> complete(Turn turn) {
        Optional<PendingDrafts.Pending> waiting = pending.take(turn.message());
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        PendingDrafts.Pending held = waiting.get();
        ReportDraft draft = held.draft();
        String text = turn.message().text();
        if (config.prose().cancelWords().contains(ProseConfirmations.answerWord(text, config.commands()))) {
            log.info("report waiting for its place cancelled by its sender");
            return Optional.of(replies.placeCancelled());
        }
        Optional<Place> answer = parser.readPlace(text, turn.context()).filter(p -> fillsAGap(draft, p));
        if (answer.isEmpty()) {
            pending.putBack(held);
            if (draft.district() != null) {
                return Optional.empty();
            }
            List<String> nearest = parser.nearestDistricts(text);
            return nearest.isEmpty() || text.length() > 8 ? Optional.empty()
                    : Optional.of(replies.noSuchDistrict(nearest));
        }
        return settle(draft, filing.place(draft, turn.message(), answer.get()),
                new Turn(held.original(), turn.context()), true);
    }

    /**
     * Whether an answer gives something the held report lacks without contradicting what
     * it has: a unit alone to a report that knows its unit is chat, and so is another
     * district than the one it names.
     */
    private static boolean fillsAGap(ReportDraft draft, Place answer) {
        boolean otherDistrict = draft.district() != null && answer.district() != null
                && !draft.district().equals(answer.district());
        boolean gives = draft.district() == null && answer.district() != null
                || draft.unit() == null && answer.unit() != null;
        return gives && !otherDistrict;
    }

    /**
     * A recalled chat message takes its record with it (OneBot group_recall). A unit of
     * the ledger like a message's work, so that on SQLite the retraction is one more unit
     * of the writer's batch; a recall has no reply to record.
     */
    Optional<ActivityRecord> recall(MessageRecall recall) {
        pending.dropIfOriginal(recall);
        confirmations.dropIfOriginal(recall);
        bulletins.dropIfOriginal(recall);
        return ledger.write(unit -> filing.retractRecalled(recall));
    }

}
