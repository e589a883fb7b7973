package cn.cdsw.tallybot.wording;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.config.MetricDefinition;

/**
 * #帮助: a coordinator sees the commands that run the tally (统计 排行 明细 未报 日报 …), a member
 * the ones for reporting; {@code #帮助 统计} explains one command with examples a social
 * worker can copy. Every example is a command the bot reads with the configured words
 * (HelpRepliesTests parses them).
 */
public final class HelpReplies {

    private final String member;

    private final String coordinator;

    private final String privateMember;

    private final String privateCoordinator;

    private final Map<CommandType, String> topics = new EnumMap<>(CommandType.class);

    HelpReplies(Catalogue c, BotConfig config, FigureStyle figures) {
        member = c.text("help.member");
        coordinator = c.text("help.coordinator");
        privateMember = c.text("help.private-member");
        privateCoordinator = c.text("help.private-coordinator");
        String metrics = figures.names(config.metrics().all().stream().map(MetricDefinition::label).toList());
        for (CommandType command : CommandType.values()) {
            String key = "help." + command.configKey();
            topics.put(command, command == CommandType.REPORT ? c.template(key, "metrics").fill(metrics) : c.text(key));
        }
    }

    /** The overview for the sender's role, or one command's explanation. */
    public String help(@Nullable CommandType topic, boolean forCoordinator) {
        if (topic != null) {
            return topics.get(topic);
        }
        return forCoordinator ? coordinator : member;
    }

    /**
     * The overview in a private chat: a member's says what a member may do there, a
     * coordinator's that a query without a scope covers their own district.
     */
    public String inPrivate(boolean forCoordinator) {
        return forCoordinator ? privateCoordinator : privateMember;
    }

}
