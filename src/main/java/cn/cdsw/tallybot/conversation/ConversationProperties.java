package cn.cdsw.tallybot.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the conversation behaves: how many days back a member may report (older needs a coordinator), how long
 * a follow-up question waits for its answer, how long a delivery is remembered for the de-dup fast path, and
 * how many messages one group commit takes at most (0: each message commits alone on its own thread; SQLite
 * databases get 64, see {@code SqliteDefaultsPostProcessor}).
 *
 * @param backdateWindowDays how many days back a member may report; an older date needs a coordinator
 * @param followUpTimeout how long a question (a missing district, a prose report's 确认) waits for its answer
 * @param dedupWindow how long a delivery is remembered by the de-dup fast path before the database is asked
 * @param groupCommitMaxBatch most messages one group commit takes; 0 commits each message alone on its own
 *     thread (SQLite gets 64 unless set)
 */
@ConfigurationProperties("tallybot.conversation")
public record ConversationProperties(
        @DefaultValue("7") int backdateWindowDays,
        @DefaultValue("5m") Duration followUpTimeout,
        @DefaultValue("10m") Duration dedupWindow,
        @DefaultValue("0") int groupCommitMaxBatch) {

    public ConversationProperties {
        if (backdateWindowDays < 0) {
            throw new IllegalArgumentException("tallybot.conversation.backdate-window-days must not be negative");
        }
        if (groupCommitMaxBatch < 0) {
            throw new IllegalArgumentException("tallybot.conversation.group-commit-max-batch must not be negative");
        }
        if (followUpTimeout.isNegative() || followUpTimeout.isZero()) {
            throw new IllegalArgumentException("tallybot.conversation.follow-up-timeout must be positive");
        }
    }
}
