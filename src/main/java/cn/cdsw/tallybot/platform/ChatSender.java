package cn.cdsw.tallybot.platform;

/**
 * Sends a message to a group through a platform's API. One implementation per platform.
 */
public interface ChatSender {

    /** The platform name this sender serves, as in {@link ChatMessage#platform()}. */
    String platform();

    /**
     * Sends the reply; throws {@link PlatformCallException} when the platform refuses or
     * cannot be reached.
     */
    void send(GroupRef group, Reply reply);

    /**
     * Whether {@link #send} takes a {@link Reply} with a {@link ChatFile}, uploading it
     * to the chat; a platform that cannot is never handed one.
     */
    default boolean sendsFiles() {
        return false;
    }

}
