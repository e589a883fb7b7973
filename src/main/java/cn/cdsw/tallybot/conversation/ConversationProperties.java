package cn.cdsw.tallybot.conversation;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * How the conversation behaves: how many days back a member may report (older needs a
 * coordinator), how long a follow-up question waits for its answer, and how long a
 * delivery is remembered for the de-dup fast path.
 *
 * @param backdateWindowDays how many days back a member may report; an older date needs a
 * coordinator
 * @param followUpTimeout how long a question (a missing district, a prose report's 确认)
 * waits for its answer
 * @param dedupWindow how long a delivery is remembered by the de-dup fast path before the
 * database is asked; sized to how long OneBot implementations retry a webhook POST (about
 * 25 s for go-cqhttp's defaults), with room to spare (docs/storage.md §9)
 * @param replyLogRetention how long a handled message's reply is kept for redeliveries
 * (docs/storage.md §9), in days unless a unit is given ({@code 12h}); at least the de-dup
 * window, whose "seen" sends the redelivery to the reply log
 */
@ConfigurationProperties("tallybot.conversation")
public record ConversationProperties(@DefaultValue("7") int backdateWindowDays,
        @DefaultValue("5m") Duration followUpTimeout, @DefaultValue("10m") Duration dedupWindow,
        @DefaultValue("1") @DurationUnit(ChronoUnit.DAYS) Duration replyLogRetention) {

    public ConversationProperties {
        if (backdateWindowDays < 0) {
            throw new IllegalArgumentException("tallybot.conversation.backdate-window-days must not be negative");
        }
        if (followUpTimeout.isNegative() || followUpTimeout.isZero()) {
            throw new IllegalArgumentException("tallybot.conversation.follow-up-timeout must be positive");
        }
        if (replyLogRetention.compareTo(dedupWindow) < 0) {
            throw new IllegalArgumentException(
                    "tallybot.conversation.reply-log-retention must be at least tallybot.conversation.dedup-window");
        }
    }
}
