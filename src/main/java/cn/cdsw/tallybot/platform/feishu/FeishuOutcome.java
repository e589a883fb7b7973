package cn.cdsw.tallybot.platform.feishu;

/** What became of one callback, and so what the webhook answers. */
sealed interface FeishuOutcome {

    /** The URL verification: echo the challenge. */
    record Challenge(String challenge) implements FeishuOutcome {
    }

    /** Handled, or deliberately left alone (another event type, a private chat): 200. */
    record Accepted() implements FeishuOutcome {
    }

    /** Not from Feishu as configured (signature, token, stale timestamp): 401. */
    record Unauthorized(String reason) implements FeishuOutcome {
    }

    /** Not an event this adapter can read (not JSON, does not decrypt): 400. */
    record Malformed(String reason) implements FeishuOutcome {
    }

}
