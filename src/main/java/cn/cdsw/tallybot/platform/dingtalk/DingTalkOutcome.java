package cn.cdsw.tallybot.platform.dingtalk;

/**
 * What the DingTalk webhook answers for one callback (docs/architecture.md §7). Every
 * callback the bot takes is answered 200 with an empty JSON object at once: replies leave
 * on their own, through the outbound queue. Bad input never maps to a 5xx.
 */
sealed interface DingTalkOutcome {

    int status();

    /** A callback refused as bad input, with a detail that echoes nothing of it. */
    sealed interface Refused extends DingTalkOutcome {

        String detail();

    }

    /** {@code timestamp}/{@code sign} missing, stale or wrong; the body was not read. */
    record Unauthorized() implements Refused {
        public int status() {
            return 401;
        }

        public String detail() {
            return "timestamp and sign are missing, outside the allowed clock skew, or not signed with the app secret";
        }
    }

    /** Not JSON, not an object, or a group message without its ids. */
    record Malformed() implements Refused {
        public int status() {
            return 400;
        }

        public String detail() {
            return "not a DingTalk robot message, or a group message without conversationId, msgId or sender";
        }
    }

    /** Body above {@code max-body-bytes}. */
    record TooLarge() implements Refused {
        public int status() {
            return 413;
        }

        public String detail() {
            return "the body is larger than tallybot.dingtalk.max-body-bytes";
        }
    }

    /** Taken: handled, or ignored (a single chat, a picture, a message from no group). */
    record Accepted() implements DingTalkOutcome {
        public int status() {
            return 200;
        }
    }

}
