package cn.cdsw.tallybot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.coordination.FollowUps;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.MessageRecall;

/**
 * Bulletins of several stations waiting for the coordinator's 确认 (docs/commands.md §10a),
 * kept as JSON behind the {@link FollowUps} port like {@link PendingDrafts}, so any
 * replica can store what another one read back. Taking one is atomic, so of two 确认 sent
 * at once only one finds it.
 */
final class PendingBulletins {

    /**
     * The bulletin as first sent (its message id is the source of every record it makes),
     * and when the question lapses.
     */
    record Pending(ChatMessage original, Command.Bulletin bulletin, Instant expiresAt) {
    }

    private final FollowUps followUps;

    private final JsonMapper json;

    private final Clock clock;

    private final Duration timeout;

    PendingBulletins(FollowUps followUps, JsonMapper json, Clock clock, Duration timeout) {
        this.followUps = followUps;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Holds a bulletin for the sender, replacing one already waiting. */
    void hold(ChatMessage original, Command.Bulletin bulletin) {
        put(new Pending(original, bulletin, clock.instant().plus(timeout)));
    }

    boolean waitingFor(ChatMessage message) {
        return followUps.get(key(message.platform(), message.groupId(), message.senderId())).isPresent();
    }

    /** Takes the bulletin, so that only one answer stores it. */
    Optional<Pending> take(ChatMessage message) {
        return followUps.take(key(message.platform(), message.groupId(), message.senderId()))
            .map(text -> json.readValue(text, Pending.class));
    }

    /**
     * Puts a bulletin back with its original deadline, when the message that took it was
     * no answer or named no station that can be stored.
     */
    void putBack(Pending pending) {
        put(pending);
    }

    /** Drops the sender's waiting bulletin; true when there was one. */
    boolean drop(ChatMessage message) {
        return take(message).isPresent();
    }

    /** A recalled bulletin takes its question with it. */
    void dropIfOriginal(MessageRecall recall) {
        followUps.take(key(recall.platform(), recall.groupId(), recall.senderId()))
            .map(text -> json.readValue(text, Pending.class))
            .filter(waiting -> !waiting.original().messageId().equals(recall.messageId()))
            .ifPresent(this::putBack);
    }

    private void put(Pending pending) {
        Duration left = Duration.between(clock.instant(), pending.expiresAt());
        if (!left.isNegative() && !left.isZero()) {
            ChatMessage original = pending.original();
            followUps.put(key(original.platform(), original.groupId(), original.senderId()),
                    json.writeValueAsString(pending), left);
        }
    }

    private static String key(String platform, String groupId, String senderId) {
        return "tallybot:bulletin:" + platform + ":" + groupId + ":" + senderId;
    }

}
