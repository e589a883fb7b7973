package cn.cdsw.tallybot.platform.onebot;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.Reply;

/** How a reply to an inbound message leaves: in the webhook response, or through the HTTP API. */
interface OneBotReplies {

    OneBotOutcome reply(ChatMessage message, Reply reply);
}
