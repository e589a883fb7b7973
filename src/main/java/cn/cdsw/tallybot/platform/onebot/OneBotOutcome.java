package cn.cdsw.tallybot.platform.onebot;

/**
 * What the webhook answers for one event (docs/architecture.md §7): each outcome knows
 * its HTTP status, so the controller only copies it. Bad input never maps to a 5xx.
 */
sealed interface OneBotOutcome {

    int status();

    /**
     * An event refused as bad input; the answer is a {@code ProblemDetail} with this
     * detail, which says what was wrong without echoing the input or the signature
     * header.
     */
    sealed interface Refused extends OneBotOutcome {

        String detail();

    }

    /** Signature missing or wrong; nothing was parsed. */
    record Unauthorized() implements Refused {
        public int status() {
            return 401;
        }

        public String detail() {
            return "X-Signature is missing, or not the HMAC-SHA1 of the body with the configured secret";
        }
    }

    /** Not JSON, not an object, or a group message/recall without its ids. */
    record Malformed() implements Refused {
        public int status() {
            return 400;
        }

        public String detail() {
            return "not a OneBot event object, a message without user_id or message_id, or a group message or recall "
                    + "without group_id";
        }
    }

    /** Body above {@code max-body-bytes}; neither verified nor parsed. */
    record TooLarge() implements Refused {
        public int status() {
            return 413;
        }

        public String detail() {
            return "the body is larger than tallybot.onebot.max-body-bytes";
        }
    }

    /**
     * Unsigned event from another machine while no secret is set ({@link OneBotSources});
     * the body is not read.
     */
    record Forbidden() implements Refused {
        public int status() {
            return 403;
        }

        public String detail() {
            return "no OneBot secret is set, so only this machine may post events";
        }
    }

    /**
     * The body did not arrive within {@code tallybot.onebot.body-timeout}; nothing was
     * verified or parsed.
     */
    record TimedOut() implements Refused {
        public int status() {
            return 408;
        }

        public String detail() {
            return "the body did not arrive within tallybot.onebot.body-timeout";
        }
    }

    /** The client broke the body off before its end. */
    record BrokenOff() implements Refused {
        public int status() {
            return 400;
        }

        public String detail() {
            return "the body was broken off";
        }
    }

    /**
     * Heartbeats, requests, private messages, unknown types: answered so OneBot does not
     * wait, then dropped.
     */
    record Ignored() implements OneBotOutcome {
        public int status() {
            return 204;
        }
    }

    /**
     * Handled with nothing to say in the response (no reply, a recall, or a reply sent
     * through the API).
     */
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
