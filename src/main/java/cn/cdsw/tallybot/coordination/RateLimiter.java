package cn.cdsw.tallybot.coordination;

import java.time.Duration;

/**
 * A per-sender budget of commands (design §7): at most a configured number in each window, counted across
 * every replica when Redis is configured. The pipeline asks before it dispatches a command.
 */
public interface RateLimiter {

    /** Counts one command of {@code sender} and says whether it may run now, and if not, when it may. */
    Admission admit(String platform, String sender);

    /** The answer: allowed, or refused until {@code retryAfter} has passed. */
    record Admission(boolean allowed, Duration retryAfter) {

        public static final Admission ALLOWED = new Admission(true, Duration.ZERO);

        public static Admission refused(Duration retryAfter) {
            return new Admission(false, retryAfter);
        }
    }
}
