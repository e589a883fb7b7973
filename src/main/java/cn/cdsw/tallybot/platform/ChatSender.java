package cn.cdsw.tallybot.platform;

/**
 * Sends a message to a group through a platform's API. One implementation per platform.
 */
public interface ChatSender {

    /** The platform name this sender serves, as in {@link ChatMessage#platform()}. */
    String platform();

    /**
     * The longest text, in characters, this platform takes in one message. Replies are
     * held to it (or to a lower {@code tallybot.replies.max-length.<platform>}) before
     * they leave; an adapter states its platform's limit here, counted for the worst case
     * (a limit in bytes is divided by three for Chinese text).
     */
    default int maxTextLength() {
        return DEFAULT_MAX_TEXT_LENGTH;
    }

    /** QQ's limit, and a guess for a platform that states none. */
    int DEFAULT_MAX_TEXT_LENGTH = 4500;

    /**
     * Sends the reply; throws {@link PlatformCallException} when the platform refuses or
     * cannot be reached.
     */
    void send(GroupRef group, Reply reply);

}
