package cn.cdsw.tallybot.platform.onebot;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.platform.ReplyRouting;

/**
 * API-mode replies: the webhook answers 204 at once, so OneBot never waits on the QQ
 * round trip (go-cqhttp posts the event again when its request times out;
 * docs/platforms.md §6), and the reply leaves through {@code send_group_msg}, quoting the
 * message it answers. The core queues, paces, retries and records it, having been told
 * through {@link ReplyRouting} that OneBot replies go through the API (docs/platforms.md
 * §8); this adapter only sends what it is handed. A redelivered event gets its 204 and
 * nothing more: the first delivery's reply is already on its way or sent.
 */
final class OneBotApiReplies implements OneBotReplies, ReplyRouting {

    private final boolean viaApi;

    /** {@code viaApi}: whether OneBot replies go through the API at all (else quick). */
    OneBotApiReplies(boolean viaApi) {
        this.viaApi = viaApi;
    }

    OneBotApiReplies() {
        this(true);
    }

    @Override
    public OneBotOutcome reply(ChatMessage message, Reply reply, long receivedNanos) {
        return new OneBotOutcome.Handled();
    }

    @Override
    public boolean throughApi(String platform) {
        return viaApi && OneBotEventMapper.PLATFORM.equals(platform);
    }

}
