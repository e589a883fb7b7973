package cn.cdsw.tallybot.conversation;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.storage.AfterCommit;
import cn.cdsw.tallybot.wording.PrivateChatReplies;
import cn.cdsw.tallybot.wording.Wording;

/**
 * What a private chat with the bot takes from whom (docs/platforms.md §14). In a group,
 * the group vouches for its members and everybody sees every answer; in private neither
 * holds, so:
 * <ul>
 * <li>统计, 排行, 明细, 未报 and 日报 answer coordinators only — those of coordinators.yml, since a
 * private chat has no group whose owner or admin someone could be;</li>
 * <li>a member's report is stored only when the member is bound (#绑定), so that a
 * station's figures come from someone who said which station they report for; a
 * coordinator's report follows the group rules;</li>
 * <li>#我的, #绑定, #撤回, #更正 and #帮助 work for everyone.</li>
 * </ul>
 */
@Component
class PrivateChats {

    private static final Logger log = LoggerFactory.getLogger(PrivateChats.class);

    private final ReportService reports;

    private final PrivateChatReplies replies;

    private final ReportMetrics metrics;

    PrivateChats(ReportService reports, Wording wording, ReportMetrics metrics) {
        this.reports = reports;
        this.replies = wording.privateChat();
        this.metrics = metrics;
    }

    /**
     * The refusal of {@code command} when the turn is a private one that may not run it;
     * empty in a group, and for whatever the sender may do in private.
     */
    Optional<String> refusal(Command command, Turn turn) {
        if (!turn.message().isPrivate() || turn.coordinator()) {
            return Optional.empty();
        }
        Optional<CommandType> coordinators = coordinatorsOnly(command);
        if (coordinators.isPresent()) {
            log.info("private {} refused: the sender is not a coordinator", coordinators.get().configKey());
            return Optional.of(replies.coordinatorsOnly(coordinators.get()));
        }
        boolean report = command instanceof Command.Report || command instanceof Command.ProsePending;
        if (report && reports.bindingOf(turn.message().platform(), turn.message().senderId()).isEmpty()) {
            log.info("private report refused: the sender is not bound");
            AfterCommit.run(metrics::stationMissing);
            return Optional.of(replies.bindFirst());
        }
        return Optional.empty();
    }

    private static Optional<CommandType> coordinatorsOnly(Command command) {
        if (command instanceof Command.Query) {
            return Optional.of(CommandType.QUERY);
        }
        if (command instanceof Command.Rank) {
            return Optional.of(CommandType.RANK);
        }
        if (command instanceof Command.ListRecords) {
            return Optional.of(CommandType.LIST);
        }
        if (command instanceof Command.Missing) {
            return Optional.of(CommandType.MISSING);
        }
        if (command instanceof Command.PostSummary) {
            return Optional.of(CommandType.SUMMARY);
        }
        return Optional.empty();
    }

}
