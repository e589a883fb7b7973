package cn.cdsw.tallybot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.command.ReportDraft;
import cn.cdsw.tallybot.coordination.FollowUps;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.MessageRecall;

/**
 * Reports waiting for the sender's answer (docs/commands.md §9, §10): a report missing
 * its district, or figures read from prose waiting for 确认. The sender's next message in
 * the same group (or the same private chat) within the follow-up timeout answers it. Kept
 * as JSON behind the {@link FollowUps} port so any replica can finish what another one
 * asked; one instance per purpose, each with its own key prefix.
 */
final class PendingDrafts {

    /**
     * The report as first sent (its message id becomes the record's source), and when the
     * question lapses.
     */
    record Pending(ChatMessage original, ReportDraft draft, Instant expiresAt) {
    }

    private final String purpose;

    private final FollowUps followUps;

    private final JsonMapper json;

    private final Clock clock;

    private final Duration timeout;

    PendingDrafts(String purpose, FollowUps followUps, JsonMapper json, Clock clock, Duration timeout) {
        this.purpose = purpose;
        this.followUps = followUps;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** How long the sender has to answer, which the question tells them. */
    Duration timeout() {
        return timeout;
    }

    /** Holds a draft for the sender, replacing one already waiting. */
    void hold(ChatMessage original, ReportDraft draft) {
        put(new Pending(original, draft, clock.instant().plus(timeout)));
    }

    boolean waitingFor(ChatMessage message) {
        return followUps.get(key(message)).isPresent();
    }

    /** Takes the draft, so that only one answer completes it. */
    Optional<Pending> take(ChatMessage message) {
        return followUps.take(key(message)).map(text -> json.readValue(text, Pending.class));
    }

    /**
     * Puts a draft back, unchanged and with its original deadline, when the message that
     * took it was no answer.
     */
    void putBack(Pending pending) {
        put(pending);
    }

    /** Drops the sender's waiting draft; true when there was one. */
    boolean drop(ChatMessage message) {
        return followUps.take(key(message)).isPresent();
    }

    /**
     * A recalled report takes its open question with it; another waiting report of the
     * sender stays. True when the recalled report's draft was dropped.
     */
    boolean dropIfOriginal(MessageRecall recall) {
        Optional<Pending> waiting = followUps.take(key(recall)).map(text -> json.readValue(text, Pending.class));
        if (waiting.isEmpty()) {
            return false;
        }
        if (!waiting.get().original().messageId().equals(recall.messageId())) {
            putBack(waiting.get());
            return false;
        }
        return true;
    }

    private void put(Pending pending) {
        Duration left = Duration.between(clock.instant(), pending.expiresAt());
        if (!left.isNegative() && !left.isZero()) {
            followUps.put(key(pending.original()), json.writeValueAsString(pending), left);
        }
    }

    /**
     * A group's questions keep the key they had before private chats, so none open at an
     * upgrade is lost; a private chat's is named by its kind and sender.
     */
    private String key(ChatMessage message) {
        return key(message.platform(), message.isPrivate() ? message.conversationKey() : message.groupId(),
                message.senderId());
    }

    /** A recall notice is a group's: private recalls are not read. */
    private String key(MessageRecall recall) {
        return key(recall.platform(), recall.groupId(), recall.senderId());
    }

    private String key(String platform, String conversation, String senderId) {
        return "tallybot:" + purpose + ":" + platform + ":" + conversation + ":" + senderId;
    }

}
