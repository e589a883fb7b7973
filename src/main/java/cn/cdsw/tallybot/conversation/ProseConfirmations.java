package cn.cdsw.tallybot.conversation;

import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.CommandParser;
import cn.cdsw.tallybot.command.Place;
import cn.cdsw.tallybot.command.ProseNotes;
import cn.cdsw.tallybot.command.ReportDraft;
import cn.cdsw.tallybot.command.TextNormalizer;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.CommandWords;
import cn.cdsw.tallybot.config.ProseVocabulary;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.storage.AfterCommit;
import cn.cdsw.tallybot.wording.ProseReplies;
import cn.cdsw.tallybot.wording.Wording;

/**
 * The prose report loop (docs/commands.md §10): a figure read from free text may be
 * misread, so the figures read from a paragraph are shown one a line and stored only when
 * the same sender answers 确认 in the same group before the follow-up timeout; 取消 drops
 * them, silence lets them lapse. The place comes from the header or the binding; when the
 * district is still missing, the read-back asks for it and the district answer itself
 * confirms, so the sender answers once rather than twice.
 */
@Component
class ProseConfirmations {

    private static final Logger log = LoggerFactory.getLogger(ProseConfirmations.class);

    private final PendingDrafts pending;

    private final CommandParser parser;

    private final ReportFiling filing;

    private final ProseVocabulary words;

    private final CommandWords commands;

    private final ProseDraftMetrics metrics;

    private final ProseReplies replies;

    ProseConfirmations(@Qualifier("confirmations") PendingDrafts pending, CommandParser parser, ReportFiling filing,
            BotConfig config, ProseDraftMetrics metrics, Wording wording) {
        this.pending = pending;
        this.parser = parser;
        this.filing = filing;
        this.words = config.prose();
        this.commands = config.commands();
        this.metrics = metrics;
        this.replies = wording.prose();
    }

    Optional<String> propose(ReportDraft draft, ProseNotes notes, Turn turn) {
        ReportFiling.Where where = filing.place(draft, turn.message(), null);
        if (where.district() != null && where.unit() == null) {
            return Optional.of(filing.refuseWithoutStation());
        }
        ReportDraft placed = draft.withPlace(where.district(), where.unit());
        pending.hold(turn.message(), placed);
        AfterCommit.run(metrics::proposed);
        log.info("prose report read {} metrics and {} items and waits for 确认", placed.metrics().size(),
                placed.items().size());
        return Optional.of(replies.readBack(placed, notes));
    }

    boolean waitingFor(ChatMessage message) {
        return pending.waitingFor(message);
    }

    void dropIfOriginal(MessageRecall recall) {
        if (pending.dropIfOriginal(recall)) {
            metrics.dropped(ProseDraftMetrics.Dropped.RECALLED);
        }
    }

    /** A new command from the sender replaces the figures waiting for 确认. */
    void drop(ChatMessage message) {
        if (pending.drop(message)) {
            metrics.dropped(ProseDraftMetrics.Dropped.REPLACED);
        }
    }

    /**
     * The sender's answer: 确认 stores, 取消 drops, a district completes; anything else
     * leaves it waiting.
     */
    Optional<String> answer(Turn turn) {
        Optional<PendingDrafts.Pending> waiting = pending.take(turn.message());
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        PendingDrafts.Pending held = waiting.get();
        String word = answerWord(turn.message().text(), commands);
        if (words.cancelWords().contains(word)) {
            log.info("prose report cancelled by its sender");
            AfterCommit.run(() -> metrics.dropped(ProseDraftMetrics.Dropped.CANCELLED));
            return Optional.of(replies.cancelled());
        }
        Turn original = new Turn(held.original(), turn.context());
        ReportDraft draft = held.draft();
        if (draft.district() != null) {
            if (words.confirmWords().contains(word)) {
                AfterCommit.run(metrics::confirmed);
                return filing.store(draft, draft.district(), draft.unit(), original);
            }
            pending.putBack(held);
            return Optional.empty();
        }
        return completePlace(held, word, turn, original);
    }

    private Optional<String> completePlace(PendingDrafts.Pending held, String word, Turn turn, Turn original) {
        Optional<Place> place = parser.readPlace(turn.message().text(), turn.context())
            .filter(p -> p.district() != null);
        if (place.isEmpty()) {
            pending.putBack(held);
            return words.confirmWords().contains(word) ? Optional.of(replies.stillNeedsDistrict()) : Optional.empty();
        }
        // the district answer is the 确认; without a station the draft is refused and gone
        ReportFiling.Where where = filing.place(held.draft(), turn.message(), place.get());
        AfterCommit.run(where.unit() == null ? () -> metrics.dropped(ProseDraftMetrics.Dropped.STATION_MISSING)
                : metrics::confirmed);
        return filing.store(held.draft(), where.district(), where.unit(), original);
    }

    /** 确认, ＃确认, 确认！ and OK all read as the same answer. */
    static String answerWord(String text, CommandWords commands) {
        String normalized = commands.withoutPrefix(TextNormalizer.normalize(text));
        return normalized.replaceFirst("[\\s.。!~,]+$", "").toLowerCase(Locale.ROOT);
    }

}
