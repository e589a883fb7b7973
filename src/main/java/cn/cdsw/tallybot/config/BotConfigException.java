package cn.cdsw.tallybot.config;

/**
 * A mistake in {@code bot-config/}; the message names the file and line so an operator
 * can fix it.
 */
public class BotConfigException extends RuntimeException {

    public BotConfigException(String message) {
        super(message);
    }

    public BotConfigException(String message, Throwable cause) {
        super(message, cause);
    }

}
