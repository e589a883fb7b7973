package cn.cdsw.tallybot.platform.wecom;

/**
 * What the callback answers (docs/architecture.md §7): each outcome knows its status, so
 * the controller only copies it. Bad input never maps to a 5xx.
 */
sealed interface WeComOutcome {

    int status();

    /**
     * A callback refused; the answer is a {@code ProblemDetail} with this detail, which
     * never echoes the body, the signature or a secret.
     */
    sealed interface Refused extends WeComOutcome {

        String detail();

    }

    /** Signature missing or wrong, or encrypted for another receive id. */
    record Unauthorized() implements Refused {
        public int status() {
            return 401;
        }

        public String detail() {
            return "msg_signature is missing or does not sign this callback with the configured token";
        }
    }

    /** No envelope, a text the key cannot open, or a group message without its ids. */
    record Malformed() implements Refused {
        public int status() {
            return 400;
        }

        public String detail() {
            return "not a WeCom callback this key opens, or a group message without chatid, userid or msgid";
        }
    }

    /** Body above {@code max-body-bytes}; neither verified nor parsed. */
    record TooLarge() implements Refused {
        public int status() {
            return 413;
        }

        public String detail() {
            return "the body is larger than tallybot.wecom.max-body-bytes";
        }
    }

    /** URL verification passed: the decrypted {@code echostr} goes back as plain text. */
    record Echo(String plainText) implements WeComOutcome {
        public int status() {
            return 200;
        }
    }

    /**
     * A self-built app message answered in the response: the encrypted XML reply.
     */
    record Passive(String xml) implements WeComOutcome {
        public int status() {
            return 200;
        }
    }

    /**
     * Taken, with nothing to say in the response: handled (its reply, if any, leaves
     * through the API) or ignored (events, single chats, other kinds of message).
     */
    record Taken() implements WeComOutcome {
        public int status() {
            return 200;
        }
    }

}
