package cn.cdsw.tallybot.platform;

/**
 * Sends a message to a group, or to one user in a private chat, through a platform's API.
 * One implementation per platform.
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

    /**
     * Sends the reply in a private chat with {@code user}. Platforms without private
     * chats refuse it for good ({@link PlatformCallException}, not retryable); the core
     * only sends here to someone who wrote to the bot in private.
     */
    default void sendPrivate(UserRef user, Reply reply) {
        throw new PlatformCallException(platform(), 0, "private_not_supported", false,
                "private chats are not supported on " + platform());
    }

    /**
     * Whether {@link #send}, and {@link #sendPrivate} where the platform has private
     * chats, take a {@link Reply} with a {@link ChatFile}, uploading it to the chat; a
     * platform that cannot is never handed one.
     */
    default boolean sendsFiles() {
        return false;
    }

}
