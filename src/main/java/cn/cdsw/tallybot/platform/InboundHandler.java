package cn.cdsw.tallybot.platform;

import java.util.Optional;

/**
 * The port adapters call with every verified, normalised event. It returns only after
 * whatever the message caused is committed, so a 2xx from a webhook means the record is
 * stored: a platform that got its answer never needs to deliver the event again.
 */
public interface InboundHandler {

    /**
     * Handles one message, in a group or a private chat; empty when the bot stays silent
     * (not a command, unknown group).
     */
    Optional<Reply> onMessage(ChatMessage message);

    /** Retracts the record the recalled message created, if any. */
    void onRecall(MessageRecall recall);

}
