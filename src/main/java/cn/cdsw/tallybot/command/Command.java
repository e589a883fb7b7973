package cn.cdsw.tallybot.command;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.query.Period;
import cn.cdsw.tallybot.query.RankBy;
import cn.cdsw.tallybot.query.Scope;

/**
 * A chat command as read by {@link CommandParser} (docs/commands.md §2). Records only;
 * the conversation feature decides what each one does.
 */
public sealed interface Command permits Command.Report, Command.Bind, Command.Retract, Command.Correct, Command.Mine,
        Command.Help, Command.Query, Command.Rank, Command.ListRecords, Command.Missing, Command.PostSummary,
        Command.Export, Command.ProsePending {

    /**
     * #上报: a report; district and unit may be missing and then come from the binding or a
     * follow-up.
     */
    record Report(ReportDraft draft) implements Command {
    }

    /**
     * #上报 with a pasted paragraph instead of clauses: the figures the extractor read, to
     * be shown to the sender and stored only after they answer 确认, since a figure read
     * from free text may be misread; the notes say what was left out and what was written
     * per day.
     */
    record ProsePending(ReportDraft draft, ProseNotes notes) implements Command {

        public ProsePending(ReportDraft draft) {
            this(draft, ProseNotes.NONE);
        }

    }

    /** #绑定 锦江区 三圣街道社工站: remember the sender's district and unit. */
    record Bind(String district, String unit) implements Command {
    }

    /** #撤回 [id]: retract a record, by default the sender's last one. */
    record Retract(@Nullable Long recordId) implements Command {
    }

    /** #更正 id clauses: replace the fields given; the old record becomes superseded. */
    record Correct(long recordId, ReportDraft changes) implements Command {
    }

    /** #我的: the sender's records today. */
    record Mine() implements Command {
    }

    /** #统计 [scope] [period]: totals. */
    record Query(Scope scope, Period period) implements Command {
    }

    /**
     * #排行 [metric [unit]] [period] [单位]: districts (or units, with {@code byUnit}) ranked
     * by one figure. {@code unitNamed} is false when a metric was ranked without its unit
     * (#排行 走访): {@code by} then holds the metric's first unit, and the ranking reads the
     * unit most used in the scope instead, saying so (docs/commands.md §7).
     */
    record Rank(Scope scope, Period period, RankBy by, boolean byUnit, boolean unitNamed) implements Command {
    }

    /** #明细 [scope] [period]: the records with their ids. */
    record ListRecords(Scope scope, Period period) implements Command {
    }

    /**
     * #未报 [date] [district]: directory units without a report that day (coordinators).
     */
    record Missing(LocalDate date, @Nullable String district) implements Command {
    }

    /** #日报 [date]: compose and post the daily summary now (coordinators). */
    record PostSummary(LocalDate date) implements Command {
    }

    /**
     * #导出 [scope] [period]: the Excel ledger of the scope and period, sent to the chat as
     * a file (coordinators); the period defaults to this month.
     */
    record Export(Scope scope, Period period) implements Command {
    }

    /** #帮助 [command]: usage with examples. */
    record Help(@Nullable CommandType topic) implements Command {
    }

}
