package cn.cdsw.tallybot.conversation;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.ParseContext;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigProperties;
import cn.cdsw.tallybot.platform.ChatMessage;

/**
 * What the pipeline knows about a message beyond its text: the local day it was sent on, whether its sender
 * is a coordinator, and the reports still waiting for an answer from that sender.
 */
@Component
class Conversation {

    private final BotConfig config;
    private final ZoneId zone;
    private final int backdateWindowDays;
    private final PendingReports pending;
    private final ReportCommands reports;

    Conversation(BotConfig config, BotConfigProperties botConfig, ConversationProperties properties,
            PendingReports pending, ReportCommands reports) {
        this.config = config;
        this.zone = botConfig.zone();
        this.backdateWindowDays = properties.backdateWindowDays();
        this.pending = pending;
        this.reports = reports;
    }

    /** The day is the message's own local date (design §2), not the moment the bot happens to read it. */
    ParseContext context(ChatMessage message) {
        boolean coordinator = config.coordinators().isCoordinator(message.platform(), message.senderId(),
                message.senderRole());
        return new ParseContext(LocalDate.ofInstant(message.sentAt(), zone), backdateWindowDays, coordinator,
                message.mentionsBot());
    }

    PendingReports pending() {
        return pending;
    }

    ReportCommands reports() {
        return reports;
    }
}
