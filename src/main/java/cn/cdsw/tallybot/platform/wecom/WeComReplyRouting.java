package cn.cdsw.tallybot.platform.wecom;

import cn.cdsw.tallybot.platform.ReplyRouting;

/**
 * Tells the core that replies to WeCom messages leave through the API: recorded pending
 * with the message's work, queued, paced at WeCom's 20 a minute and retried
 * (docs/platforms.md §7). The callback itself answers at once with nothing, so a WeCom
 * retry never waits on a send, and a redelivered callback gets nothing new.
 */
final class WeComReplyRouting implements ReplyRouting {

    @Override
    public boolean throughApi(String platform) {
        return WeComMessageMapper.PLATFORM.equals(platform);
    }

}
