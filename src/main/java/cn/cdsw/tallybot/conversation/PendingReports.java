package cn.cdsw.tallybot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.command.ReportDraft;
import cn.cdsw.tallybot.coordination.FollowUps;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.MessageRecall;

/**
 * Reports waiting for their district (design §3): the sender's next message in the same group within the
 * follow-up timeout completes it. Kept as JSON behind the {@link FollowUps} port so that any replica can
 * finish what another one asked.
 */
@Component
class PendingReports {

    /** The report as first sent, and when the question lapses. */
    record Pending(ChatMessage original, ReportDraft draft, Instant expiresAt) {
    }

    private final FollowUps followUps;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration timeout;

    PendingReports(FollowUps followUps, JsonMapper json, Clock clock, ConversationProperties properties) {
        this.followUps = followUps;
        this.json = json;
        this.clock = clock;
        this.timeout = properties.followUpTimeout();
    }

    void ask(ChatMessage original, ReportDraft draft) {
        put(new Pending(original, draft, clock.instant().plus(timeout)));
    }

    boolean waitingFor(ChatMessage message) {
        return followUps.get(key(message)).isPresent();
    }

    /** Takes the pending report of this sender in this group, so that only one message completes it. */
    Optional<Pending> take(ChatMessage message) {
        return followUps.take(key(message)).map(text -> json.readValue(text, Pending.class));
    }

    /** Puts a pending report back, unchanged, when the message that took it was not an answer. */
    void putBack(Pending pending) {
        put(pending);
    }

    void drop(ChatMessage message) {
        followUps.take(key(message));
    }

    /** A recalled report takes its open question with it; another pending report of the sender stays. */
    void dropIfOriginal(MessageRecall recall) {
        String key = key(recall.platform(), recall.groupId(), recall.senderId());
        followUps.take(key).map(text -> json.readValue(text, Pending.class))
                .filter(p -> !p.original().messageId().equals(recall.messageId()))
                .ifPresent(this::putBack);
    }

    private void put(Pending pending) {
        Duration left = Duration.between(clock.instant(), pending.expiresAt());
        if (!left.isNegative() && !left.isZero()) {
            followUps.put(key(pending.original()), json.writeValueAsString(pending), left);
        }
    }

    private static String key(ChatMessage message) {
        return key(message.platform(), message.groupId(), message.senderId());
    }

    private static String key(String platform, String groupId, String senderId) {
        return "tallybot:followup:" + platform + ":" + groupId + ":" + senderId;
    }
}
