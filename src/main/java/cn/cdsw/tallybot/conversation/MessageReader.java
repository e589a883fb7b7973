package cn.cdsw.tallybot.conversation;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.CommandParser;
import cn.cdsw.tallybot.command.ParseContext;
import cn.cdsw.tallybot.command.ParseResult;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigProperties;
import cn.cdsw.tallybot.platform.ChatMessage;

/**
 * Reads a chat message the way the parser needs it: whether its group is served at all,
 * the local day it was sent on and whether its sender is a coordinator (its
 * {@link Turn}), and then what it says, timed.
 */
@Component
class MessageReader {

    private final BotConfig config;

    private final ZoneId zone;

    private final int backdateWindowDays;

    private final CommandParser parser;

    private final ParseMetrics metrics;

    MessageReader(BotConfig config, BotConfigProperties botConfig, ConversationProperties properties,
            CommandParser parser, ParseMetrics metrics) {
        this.config = config;
        this.zone = botConfig.zone();
        this.backdateWindowDays = properties.backdateWindowDays();
        this.parser = parser;
        this.metrics = metrics;
    }

    /**
     * Whether the message comes from a group of groups.yml; the bot is silent everywhere
     * else.
     */
    boolean serves(ChatMessage message) {
        return config.groups().find(message.platform(), message.groupId()).isPresent();
    }

    /**
     * The day is the message's own local date, not the moment the bot reads it: a
     * replayed message files alike.
     */
    Turn turn(ChatMessage message) {
        boolean coordinator = config.coordinators()
            .isCoordinator(message.platform(), message.senderId(), message.senderRole());
        return new Turn(message, new ParseContext(LocalDate.ofInstant(message.sentAt(), zone), backdateWindowDays,
                coordinator, message.mentionsBot()));
    }

    /**
     * What the message says, in the context of its turn; every served message is timed,
     * commands or not.
     */
    ParseResult parse(Turn turn) {
        return metrics.timed(() -> parser.parse(turn.message().text(), turn.context()));
    }

}
