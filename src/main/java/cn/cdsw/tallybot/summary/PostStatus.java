package cn.cdsw.tallybot.summary;

import java.util.Locale;

/**
 * The life of a {@code summary_post} row; see {@link SummaryClaimRepository} for the
 * transitions.
 */
enum PostStatus {

    PENDING, SENDING, SENT, FAILED, ABANDONED;

    /** The value stored in {@code summary_post.status}. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PostStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

}
