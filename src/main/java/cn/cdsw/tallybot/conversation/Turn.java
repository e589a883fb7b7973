package cn.cdsw.tallybot.conversation;

import cn.cdsw.tallybot.command.ParseContext;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.report.Actor;
import cn.cdsw.tallybot.report.RecordSource;

/**
 * One message being handled, with what the handlers need to know about its sender and
 * day.
 */
record Turn(ChatMessage message, ParseContext context) {

    boolean coordinator() {
        return context.coordinator();
    }

    Actor actor() {
        return new Actor(message.platform(), message.senderId());
    }

    RecordSource source() {
        return new RecordSource(message.platform(), message.groupId(), message.senderId(), message.senderName(),
                message.messageId(), MessageFingerprint.of(message), message.sentAt());
    }

    /**
     * The source of the record of one station of a bulletin this message carried: the
     * message's own source, its fingerprint marked with the station's number, so that
     * each station is stored once and apart from the others.
     */
    RecordSource source(int station) {
        RecordSource whole = source();
        return new RecordSource(whole.platform(), whole.groupId(), whole.senderId(), whole.senderName(),
                whole.messageId(), whole.contentHash() + "#" + station, whole.receivedAt());
    }

    /**
     * Whether the sender may change a record made by {@code authorId}: their own, or any
     * for a coordinator.
     */
    boolean mayChange(String authorId) {
        return coordinator() || message.senderId().equals(authorId);
    }
}
