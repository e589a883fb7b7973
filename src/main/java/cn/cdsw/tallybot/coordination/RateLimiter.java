package cn.cdsw.tallybot.coordination;

import java.time.Duration;

/**
 * A per-sender budget of commands (docs/coordination.md §6): at most a configured number
 * in each window, counted across every replica when Redis is configured. The pipeline
 * asks before it dispatches a command.
 */
public interface RateLimiter {

    /**
     * Counts one command of {@code sender} and says whether it may run now, and if not,
     * when it may.
     */
    Admission admit(String platform, String sender);

    /** The answer: allowed, or refused until {@code retryAfter} has passed. */
    record Admission(boolean allowed, Duration retryAfter) {

        public static final Admission ALLOWED = new Admission(true, Duration.ZERO);

        public static Admission refused(Duration retryAfter) {
            return new Admission(false, retryAfter);
        }
    }

    /**
     * Fixed windows of the clock, counted alike by every implementation: window n holds
     * the instants from n·length (inclusive) to (n+1)·length, in epoch milliseconds.
     */
    record FixedWindows(long millis) {

        public FixedWindows(Duration length) {
            this(length.toMillis());
        }

        public long index(long now) {
            return now / millis;
        }

        /**
         * The answer for a sender's {@code count}-th command in the window of
         * {@code now}.
         */
        public Admission admit(long count, int limit, long now) {
            return count <= limit ? Admission.ALLOWED
                    : Admission.refused(Duration.ofMillis((index(now) + 1) * millis - now));
        }
    }

}
