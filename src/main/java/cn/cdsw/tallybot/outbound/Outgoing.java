package cn.cdsw.tallybot.outbound;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import cn.cdsw.tallybot.platform.Reply;

/**
 * One message waiting in its conversation's queue. Its owner keeps it durable (a
 * reply-log row, a summary post) and records what became of it through these callbacks,
 * which the sender calls on its own threads, one message of a conversation at a time.
 */
public interface Outgoing {

    Conversation to();

    /** When the message was made, for the delay meter. */
    Instant createdAt();

    /**
     * Past this instant the message no longer matters (an answer half an hour late only
     * confuses): it is dropped with one WARN.
     */
    Instant expiresAt();

    /**
     * The message as it should read when sent at {@code now}; empty when it has gone
     * stale (a "wait 17 seconds" warning whose 17 seconds have passed).
     */
    Optional<Reply> render(Instant now);

    /**
     * Called right before the platform call; false when the message is no longer this
     * replica's to send (another replica took it over, an operator re-posted it).
     */
    boolean claim(Instant now);

    void sent(Instant now);

    /**
     * The platform call failed ({@code retryable} when it may succeed later). Returns
     * when to try again, or empty to give up, having recorded why.
     */
    Optional<Instant> failed(String error, boolean retryable, int attempt, Instant now);

    /** Not sent and never will be: {@code reason} says why (expired, stale). */
    void dropped(String reason, Instant now);

    /** How log lines name this message. */
    String describe();

    /** MDC entries for the log lines of its sending (platform, group, message). */
    default Map<String, String> logContext() {
        return Map.of();
    }

}
