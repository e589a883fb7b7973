package cn.cdsw.tallybot.platform;

/**
 * A platform API call failed. {@code retryable} is true for transport errors, 5xx and
 * 429, so the one place that retries (send queue, summary delivery) knows whether to try
 * again.
 */
public class PlatformCallException extends RuntimeException {

    private final String platform;

    private final int status;

    private final String errorCode;

    private final boolean retryable;

    public PlatformCallException(String platform, int status, String errorCode, boolean retryable, String message,
            Throwable cause) {
        super(message, cause);
        this.platform = platform;
        this.status = status;
        this.errorCode = errorCode;
        this.retryable = retryable;
    }

    public PlatformCallException(String platform, int status, String errorCode, boolean retryable, String message) {
        this(platform, status, errorCode, retryable, message, null);
    }

    public String platform() {
        return platform;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean retryable() {
        return retryable;
    }

}
