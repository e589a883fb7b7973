package cn.cdsw.tallybot.platform;

/**
 * Told by an adapter: whether the replies to its platform's messages leave through the
 * platform's API, queued, paced and retried by the core, rather than in the webhook
 * response (OneBot's {@code reply-mode=API}). The core then records each such reply as
 * pending in the same transaction as the message's work, so no reply is lost to a crash
 * or a full queue (docs/platforms.md §7).
 */
public interface ReplyRouting {

    /** True when replies to messages of {@code platform} are sent through its API. */
    boolean throughApi(String platform);

}
