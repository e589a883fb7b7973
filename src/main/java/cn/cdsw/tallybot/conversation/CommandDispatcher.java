package cn.cdsw.tallybot.conversation;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.command.ParseResult;
import cn.cdsw.tallybot.wording.Wording;

/**
 * Routes a parsed command to its handler. An {@code instanceof} chain because pattern
 * matching in {@code switch} is a preview feature on Java 17; a test walks the permitted
 * subclasses so a new command cannot be forgotten here. On Java 21, an exhaustive
 * {@code switch} replaces both.
 */
@Component
class CommandDispatcher {

    private final ReportCommands reports;

    private final RecordChanges changes;

    private final SenderCommands senders;

    private final QueryCommands queries;

    private final SummaryCommands summaries;

    private final PrivateChats privateChats;

    private final ReminderCommands reminders;

    private final DeskCommands desk;

    private final ExportCommands exports;

    private final Wording wording;

    CommandDispatcher(ReportCommands reports, RecordChanges changes, SenderCommands senders, QueryCommands queries,
            SummaryCommands summaries, PrivateChats privateChats, ReminderCommands reminders, DeskCommands desk,
            ExportCommands exports, Wording wording) {
        this.privateChats = privateChats;
        this.reminders = reminders;
        this.reports = reports;
        this.changes = changes;
        this.senders = senders;
        this.queries = queries;
        this.summaries = summaries;
        this.desk = desk;
        this.exports = exports;
        this.wording = wording;
    }

    /**
     * The reply to a command the grammar refused: what it could not read and the right
     * form.
     */
    /** The answer when the database stopped a command's work at the statement timeout. */
    String tooSlow() {
        return wording.commandRefusals().tooSlow();
    }

    String refusal(ParseResult.Rejected rejected) {
        return wording.refusals().of(rejected.refusal());
    }

    /**
     * Whether the command only reads: its answer comes from a read connection, outside
     * the writer's batch ({@link ReplyLog#answer}). A command listed here that wrote
     * after all would fail loudly, on SQLite's read-only connections and in PostgreSQL's
     * read-only transactions alike, rather than store anything.
     */
    /**
     * The overview for the sender's role, told apart in a private chat; or one command's
     * explanation.
     */
    String help(Command.Help help, Turn turn) {
        if (help.topic() == null && turn.message().isPrivate()) {
            return wording.help().inPrivate(turn.coordinator());
        }
        return wording.help().help(help.topic(), turn.coordinator());
    }

    static boolean readOnly(Command command) {
        return command instanceof Command.Query || command instanceof Command.Rank
                || command instanceof Command.ListRecords || command instanceof Command.Missing
                || command instanceof Command.Mine || command instanceof Command.Help;
    }

    /**
     * Runs {@code command}; in a private chat, only what the sender may do there
     * ({@link PrivateChats}).
     */
    Optional<String> dispatch(Command command, Turn turn) {
        Optional<String> refused = privateChats.refusal(command, turn);
        if (refused.isPresent()) {
            return refused;
        }
        if (command instanceof Command.Report report) {
            return reports.report(report.draft(), turn);
        }
        if (command instanceof Command.ProsePending prose) {
            return reports.prose(prose.draft(), prose.notes(), turn);
        }
        if (command instanceof Command.Bulletin bulletin) {
            return reports.bulletin(bulletin, turn);
        }
        if (command instanceof Command.Bind bind) {
            return Optional.of(senders.bind(bind.district(), bind.unit(), turn));
        }
        if (command instanceof Command.Retract retract) {
            return Optional.of(changes.retract(retract.recordId(), turn));
        }
        if (command instanceof Command.Correct correct) {
            return Optional.of(changes.correct(correct.recordId(), correct.changes(), turn));
        }
        if (command instanceof Command.Mine) {
            return Optional.of(senders.mine(turn));
        }
        if (command instanceof Command.Query query) {
            return Optional.of(queries.totals(query));
        }
        if (command instanceof Command.Rank rank) {
            return Optional.of(queries.rank(rank));
        }
        if (command instanceof Command.ListRecords list) {
            return Optional.of(queries.list(list, turn));
        }
        if (command instanceof Command.Missing missing) {
            return Optional.of(queries.missing(missing, turn));
        }
        if (command instanceof Command.PostSummary summary) {
            return Optional.of(summaries.post(summary, turn));
        }
        if (command instanceof Command.PostReport report) {
            return Optional.of(summaries.post(report, turn));
        }
        if (command instanceof Command.Remind remind) {
            return reminders.remind(remind, turn);
        }
        if (command instanceof Command.Mute mute) {
            return Optional.of(reminders.mute(mute, turn));
        }
        if (command instanceof Command.Desk) {
            // the link goes out only in a private chat: in a group it says to ask
            // privately
            return Optional.of(desk.link(turn, turn.message().isPrivate()));
        }
        if (command instanceof Command.Export export) {
            return Optional.of(exports.export(export, turn));
        }
        if (command instanceof Command.Help help) {
            return Optional.of(help(help, turn));
        }
        throw new IllegalStateException("no handler for " + command.getClass().getSimpleName());
    }

}
