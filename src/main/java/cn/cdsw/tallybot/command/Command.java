package cn.cdsw.tallybot.command;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.query.Period;
import cn.cdsw.tallybot.query.RankBy;
import cn.cdsw.tallybot.query.Scope;

/**
 * A chat command as read by {@link CommandParser} (docs/commands.md §2). Records only;
 * the conversation feature decides what each one does.
 */
public sealed interface Command
        permits Command.Report, Command.Bind, Command.Retract, Command.Correct, Command.Mine, Command.Help,
        Command.Query, Command.Rank, Command.ListRecords, Command.Missing, Command.PostSummary, Command.PostReport,
        Command.ProsePending, Command.Remind, Command.Mute, Command.Bulletin, Command.Desk, Command.Export {

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

    /**
     * #上报 with a bulletin covering several stations, pasted by a coordinator: one draft
     * per station, shown numbered and stored only on 确认 (all, or those named);
     * {@code unplaced} counts the paragraphs with figures that stand under no unit line
     * and were not read (docs/commands.md §10a).
     */
    record Bulletin(List<BulletinStation> stations, int unplaced) implements Command {

        public Bulletin {
            stations = List.copyOf(stations);
        }

        /** The stations that can be stored on 确认. */
        public List<BulletinStation> storable() {
            return stations.stream().filter(BulletinStation::storable).toList();
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
     * #周报 [时段] or #月报 [时段] ({@code type} WEEKLY or MONTHLY): post the report of the week
     * or month containing {@code day} now (coordinators); {@code day} is null when no
     * period was written, meaning the last finished one.
     */
    record PostReport(CommandType type, @Nullable LocalDate day) implements Command {
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

    /**
     * #催报: show the schedule ({@link RemindAction#SHOW}), send a reminder now, or turn
     * daily reports on or off in a district ({@code district} null: the city) from
     * {@code from} to {@code to} ({@code to} null: until changed) (coordinators;
     * docs/reminders.md §3).
     */
    record Remind(RemindAction action, @Nullable String district, @Nullable LocalDate from,
            @Nullable LocalDate to) implements Command {

        public static Remind of(RemindAction action) {
            return new Remind(action, null, null, null);
        }

    }

    /** What a #催报 asks for. */
    enum RemindAction {

        SHOW, NOW, ON, OFF

    }

    /**
     * #免打扰: reminders stop mentioning the sender ({@code on}), or mention them again
     * (#免打扰 关闭).
     */
    record Mute(boolean on) implements Command {

    }

    /**
     * #后台: a one-time sign-in link to the web desk, for a coordinator in a private chat.
     */
    record Desk() implements Command {
    }

}
