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
import cn.cdsw.tallybot.platform.SenderRole;
import cn.cdsw.tallybot.query.Scope;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.storage.Ledger;

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

    private final ReportService reports;

    private final Ledger ledger;

    MessageReader(BotConfig config, BotConfigProperties botConfig, ConversationProperties properties,
            CommandParser parser, ParseMetrics metrics, ReportService reports, Ledger ledger) {
        this.reports = reports;
        this.ledger = ledger;
        this.config = config;
        this.zone = botConfig.zone();
        this.backdateWindowDays = properties.backdateWindowDays();
        this.parser = parser;
        this.metrics = metrics;
    }

    /**
     * Whether the message comes from a group of groups.yml, or from a private chat, which
     * reaches the bot only once the account's owner let its sender in (docs/platforms.md
     * §14); the bot is silent in every other group.
     */
    boolean serves(ChatMessage message) {
        return message.isPrivate() || config.groups().find(message.platform(), message.groupId()).isPresent();
    }

    /**
     * The day is the message's own local date, not the moment the bot reads it: a
     * replayed message files alike. In a private chat only coordinators.yml makes a
     * coordinator (there is no group to be an admin of), every message is addressed to
     * the bot, and a coordinator's query without a scope covers the district of their
     * binding.
     */
    Turn turn(ChatMessage message) {
        LocalDate today = LocalDate.ofInstant(message.sentAt(), zone);
        if (!message.isPrivate()) {
            boolean coordinator = config.coordinators()
                .isCoordinator(message.platform(), message.senderId(), message.senderRole());
            return new Turn(message, new ParseContext(today, backdateWindowDays, coordinator, message.mentionsBot()));
        }
        boolean coordinator = config.coordinators()
            .isCoordinator(message.platform(), message.senderId(), SenderRole.MEMBER);
        Scope scope = coordinator ? ownDistrict(message) : Scope.CITY;
        return new Turn(message, new ParseContext(today, backdateWindowDays, coordinator, false, true, scope));
    }

    private Scope ownDistrict(ChatMessage message) {
        return ledger.read(() -> reports.bindingOf(message.platform(), message.senderId()))
            .map(binding -> new Scope(binding.district(), null))
            .orElse(Scope.CITY);
    }

    /**
     * What the message says, in the context of its turn; every served message is timed,
     * commands or not.
     */
    ParseResult parse(Turn turn) {
        return metrics.timed(() -> parser.parse(turn.message().text(), turn.context()));
    }

}
