package cn.cdsw.tallybot.conversation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.ParseContext;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigProperties;
import cn.cdsw.tallybot.platform.ChatMessage;

/**
 * What the pipeline knows about a message beyond its text: the local day it was sent on, whether its sender
 * is a coordinator, and whether that sender still owes an answer (a 确认 or a district).
 */
@Component
class Conversation {

    private final BotConfig config;
    private final ZoneId zone;
    private final int backdateWindowDays;
    private final ReportCommands reports;
    private final CommandQuota quota;

    Conversation(BotConfig config, BotConfigProperties botConfig, ConversationProperties properties,
            ReportCommands reports, CommandQuota quota) {
        this.config = config;
        this.zone = botConfig.zone();
        this.backdateWindowDays = properties.backdateWindowDays();
        this.reports = reports;
        this.quota = quota;
    }

    /** Whether the message comes from a group of groups.yml; the bot is silent everywhere else. */
    boolean serves(ChatMessage message) {
        return config.groups().find(message.platform(), message.groupId()).isPresent();
    }

    /** The reply refusing a sender who is over the command rate limit, if they are. */
    Optional<String> overQuota(ChatMessage message) {
        return quota.refusal(message);
    }

    /** The day is the message's own local date, not the moment the bot reads it: a replayed message files alike. */
    ParseContext context(ChatMessage message) {
        boolean coordinator = config.coordinators().isCoordinator(message.platform(), message.senderId(),
                message.senderRole());
        return new ParseContext(LocalDate.ofInstant(message.sentAt(), zone), backdateWindowDays, coordinator,
                message.mentionsBot());
    }

    /** Whether the sender owes an answer to a question the bot asked: a 确认 or a district. */
    boolean awaitsAnswer(ChatMessage message) {
        return reports.awaitsAnswer(message);
    }

    /** A new command replaces any question the sender was asked. */
    void forget(ChatMessage message) {
        reports.forget(message);
    }

    ReportCommands reports() {
        return reports;
    }
}
