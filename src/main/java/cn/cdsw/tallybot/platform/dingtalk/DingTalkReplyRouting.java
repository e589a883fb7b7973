package cn.cdsw.tallybot.platform.dingtalk;

import cn.cdsw.tallybot.platform.ReplyRouting;

/**
 * Tells the core that replies to DingTalk messages leave through {@link DingTalkSender}:
 * recorded pending with the message's work, queued, paced at DingTalk's 20 a minute and
 * retried, so a reply survives a crash and a redelivered message is answered once.
 */
final class DingTalkReplyRouting implements ReplyRouting {

    @Override
    public boolean throughApi(String platform) {
        return DingTalkMapper.PLATFORM.equals(platform);
    }

}
