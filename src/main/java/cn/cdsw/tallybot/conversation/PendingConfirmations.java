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

/**
 * Prose reports read back to their sender and waiting for 确认 (design §3), as JSON behind the
 * {@link FollowUps} port like {@link PendingReports}, under their own key prefix so that a 确认 and a district
 * answer are never mistaken for each other. The entry lapses after the follow-up timeout: a late 确认 stores
 * nothing.
 */
@Component
class PendingConfirmations {

    /** The prose message as sent (its id becomes the record's source), and what was read from it. */
    record Pending(ChatMessage original, ReportDraft draft, Instant expiresAt) {
    }

    private final FollowUps followUps;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration timeout;

    PendingConfirmations(FollowUps followUps, JsonMapper json, Clock clock, ConversationProperties properties) {
        this.followUps = followUps;
        this.json = json;
        this.clock = clock;
        this.timeout = properties.followUpTimeout();
    }

    /** Holds a draft for the sender, replacing one they were already asked to confirm. */
    void hold(ChatMessage original, ReportDraft draft) {
        put(new Pending(original, draft, clock.instant().plus(timeout)));
    }

    boolean waitingFor(ChatMessage message) {
        return followUps.get(key(message)).isPresent();
    }

    /** Takes the draft, so that only one 确认 stores it. */
    Optional<Pending> take(ChatMessage message) {
        return followUps.take(key(message)).map(text -> json.readValue(text, Pending.class));
    }

    /** Puts the draft back, unchanged and with its original deadline, when the message was no answer. */
    void putBack(Pending pending) {
        put(pending);
    }

    void drop(ChatMessage message) {
        followUps.take(key(message));
    }

    private void put(Pending pending) {
        Duration left = Duration.between(clock.instant(), pending.expiresAt());
        if (!left.isNegative() && !left.isZero()) {
            followUps.put(key(pending.original()), json.writeValueAsString(pending), left);
        }
    }

    private static String key(ChatMessage message) {
        return "tallybot:confirm:" + message.platform() + ":" + message.groupId() + ":" + message.senderId();
    }
}
