package cn.cdsw.tallybot.command;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.CommandType;

/**
 * A chat command as read by {@link CommandParser} (design §3). Records only; the conversation feature
 * decides what each one does.
 */
public sealed interface Command permits Command.Report, Command.Bind, Command.Retract, Command.Correct,
        Command.Mine, Command.Help {

    /** #上报: a report; district and unit may be missing and then come from the binding or a follow-up. */
    record Report(ReportDraft draft) implements Command {
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

    /** #帮助 [command]: usage with examples. */
    record Help(@Nullable CommandType topic) implements Command {
    }
}
