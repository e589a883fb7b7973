package cn.cdsw.tallybot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.coordination.Deduplicator;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.storage.AfterCommit;
import cn.cdsw.tallybot.storage.Ledger;

/**
 * Makes handling a message happen once: the work and the reply it produced commit in one
 * transaction, keyed by (platform, group, message id, {@link MessageFingerprint}) — a
 * private chat's messages with an empty group, their sender in the fingerprint —, so a
 * redelivered event gets exactly the first answer and stores nothing, while a new message
 * that reuses an old id is handled (docs/storage.md §9). The de-dup port only saves the
 * database look-up for messages never seen.
 */
@Component
class ReplyLog {

    private final HandledMessageRepository handled;

    private final Deduplicator deduplicator;

    private final Ledger ledger;

    private final Duration dedupWindow;

    private final ReplyOutbox outbox;

    ReplyLog(HandledMessageRepository handled, Deduplicator deduplicator, Ledger ledger,
            ConversationProperties properties, ReplyOutbox outbox) {
        this.handled = handled;
        this.outbox = outbox;
        this.deduplicator = deduplicator;
        this.ledger = ledger;
        this.dedupWindow = properties.dedupWindow();
    }

    /**
     * The answer given the first time, when this message — its id and its content — was
     * handled before. A message that reuses an old id with other content is not a
     * redelivery (docs/storage.md §9).
     */
    Optional<HandledMessage> previous(ChatMessage message) {
        String contentHash = MessageFingerprint.of(message);
        String key = "tallybot:dedup:" + message.platform() + ":" + message.conversationKey() + ":"
                + message.messageId() + ":" + contentHash;
        if (deduplicator.firstDelivery(key, dedupWindow)) {
            return Optional.empty();
        }
        return ledger.read(() -> handled.find(message.platform(), message.groupId(), message.messageId(), contentHash));
    }

    /**
     * Runs {@code work} and records its reply as one unit of the {@link Ledger}
     * (committed with other messages' units on SQLite; answered only once committed). If
     * another delivery of the same message committed first, or comes earlier in the same
     * batch, this unit rolls back and answers as that one did, and the side effects its
     * work asked for through {@link AfterCommit} are dropped with it: only the recorded
     * delivery has them.
     */
    Optional<String> once(ChatMessage message, Supplier<Optional<String>> work) {
        return once(message, work, null);
    }

    /**
     * As {@link #once(ChatMessage, Supplier)}, for a rate-limit warning whose sender may
     * send again at {@code waitUntil}: sent through the API, it is worded for the time it
     * leaves, and not sent after that instant.
     */
    Optional<String> once(ChatMessage message, Supplier<Optional<String>> work, @Nullable Instant waitUntil) {
        return Optional.ofNullable(ledger.write(unit -> {
            Optional<String> reply = work.get();
            HandledMessage entry = entry(message, reply);
            if (save(entry, message, waitUntil)) {
                return reply.orElse(null);
            }
            unit.rollback();
            return firstAnswer(message);
        }));
    }

    /**
     * Runs a read-only command's {@code query} outside the writer's batch
     * ({@link Ledger#read}) and answers at once; its reply is recorded by the writer's
     * next batch, without this caller waiting for it. The reply row is still written at
     * most once (its primary key) and in practice once; only a delivery repeated before
     * that batch commits, or after a crash before it, finds no row and is answered afresh
     * — which is harmless, because a query changes nothing (docs/storage.md §9).
     */
    Optional<String> answer(ChatMessage message, Supplier<Optional<String>> query) {
        Optional<String> reply = ledger.read(query);
        HandledMessage entry = entry(message, reply);
        ledger.writeLater(unit -> save(entry, message, null));
        return reply;
    }

    private static HandledMessage entry(ChatMessage message, Optional<String> reply) {
        return new HandledMessage(message.platform(), message.groupId(), message.messageId(),
                MessageFingerprint.of(message), message.sentAt(), reply.orElse(null), message.kind());
    }

    /**
     * Logs the entry; a reply that leaves through the platform's API is logged pending
     * and queued once the unit commits, so it outlives a crash (docs/platforms.md §7).
     */
    private boolean save(HandledMessage entry, ChatMessage message, @Nullable Instant waitUntil) {
        if (entry.replyText() == null || !outbox.throughApi(message)) {
            return handled.save(entry);
        }
        return outbox.save(entry, message, waitUntil);
    }

    private @Nullable String firstAnswer(ChatMessage message) {
        return handled.find(message.platform(), message.groupId(), message.messageId(), MessageFingerprint.of(message))
            .map(HandledMessage::replyText)
            .orElse(null);
    }

}
