package cn.cdsw.tallybot.platform.onebot;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.Reply;

/**
 * How a reply to an inbound message leaves: in the webhook response, or through the HTTP
 * API.
 */
interface OneBotReplies {

    /**
     * Sends {@code reply}; {@code receivedNanos} is {@link System#nanoTime()} when
     * {@code message} arrived.
     */
    OneBotOutcome reply(ChatMessage message, Reply reply, long receivedNanos);

}
