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

    private final ExportCommands exports;

    private final Wording wording;

    CommandDispatcher(ReportCommands reports, RecordChanges changes, SenderCommands senders, QueryCommands queries,
            SummaryCommands summaries, ExportCommands exports, Wording wording) {
        this.reports = reports;
        this.changes = changes;
        this.senders = senders;
        this.queries = queries;
        this.summaries = summaries;
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
    static boolean readOnly(Command command) {
        return command instanceof Command.Query || command instanceof Command.Rank
                || command instanceof Command.ListRecords || command instanceof Command.Missing
                || command instanceof Command.Mine || command instanceof Command.Help;
    }

    Optional<String> dispatch(Command command, Turn turn) {
        if (command instanceof Command.Report report) {
            return reports.report(report.draft(), turn);
        }
        if (command instanceof Command.ProsePending prose) {
            return reports.prose(prose.draft(), prose.notes(), turn);
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
        if (command instanceof Command.Export export) {
            return Optional.of(exports.export(export, turn));
        }
        if (command instanceof Command.Help help) {
            return Optional.of(wording.help().help(help.topic(), turn.coordinator()));
        }
        throw new IllegalStateException("no handler for " + command.getClass().getSimpleName());
    }

}
