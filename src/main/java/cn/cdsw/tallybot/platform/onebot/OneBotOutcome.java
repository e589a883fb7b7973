package cn.cdsw.tallybot.platform.onebot;

/**
 * What the webhook answers for one event (docs/architecture.md §7): each outcome knows its HTTP status, so the
 * controller only copies it. Bad input never maps to a 5xx.
 */
sealed interface OneBotOutcome {

    int status();

    /** Signature missing or wrong; nothing was parsed. */
    record Unauthorized() implements OneBotOutcome {
        public int status() {
            return 401;
        }
    }

    /** Not JSON, not an object, or a group message/recall without its ids. */
    record Malformed() implements OneBotOutcome {
        public int status() {
            return 400;
        }
    }

    /** Body above {@code max-body-bytes}; neither verified nor parsed. */
    record TooLarge() implements OneBotOutcome {
        public int status() {
            return 413;
        }
    }

    /** Unsigned event from another machine while no secret is set ({@link OneBotSources}); the body is not read. */
    record Forbidden() implements OneBotOutcome {
        public int status() {
            return 403;
        }
    }

    /** The body did not arrive within {@code tallybot.onebot.body-timeout}; nothing was verified or parsed. */
    record TimedOut() implements OneBotOutcome {
        public int status() {
            return 408;
        }
    }

    /** The client broke the body off before its end. */
    record BrokenOff() implements OneBotOutcome {
        public int status() {
            return 400;
        }
    }

    /** Heartbeats, requests, private messages, unknown types: answered so OneBot does not wait, then dropped. */
    record Ignored() implements OneBotOutcome {
        public int status() {
            return 204;
        }
    }

    /** Handled with nothing to say in the response (no reply, a recall, or a reply sent through the API). */
    record Handled() implements OneBotOutcome {
        public int status() {
            return 204;
        }
    }

    /** A quick operation (docs/platforms.md §5) to return as the JSON response body. */
    record Replied(String quickOperationJson) implements OneBotOutcome {
        public int status() {
            return 200;
        }
    }
}
