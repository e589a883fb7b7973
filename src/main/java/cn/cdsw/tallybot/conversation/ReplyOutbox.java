package cn.cdsw.tallybot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.coordination.ReplicaId;
import cn.cdsw.tallybot.outbound.Backoff;
import cn.cdsw.tallybot.outbound.Conversation;
import cn.cdsw.tallybot.outbound.OutboundProperties;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.outbound.Outgoing;
import cn.cdsw.tallybot.platform.ChatKind;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.platform.ReplyRouting;
import cn.cdsw.tallybot.platform.UserRef;
import cn.cdsw.tallybot.storage.AfterCommit;

/**
 * Replies that leave through a platform's API, kept durable in the reply log: a reply is
 * recorded {@code pending} with the message's work, held by this replica under a lease,
 * and queued for its conversation (its group, or the private chat with its sender) after
 * the commit; sending settles the row. A replica that stops leaves its rows pending; once
 * their lease runs out another replica, or the next start, takes them over one by one (a
 * compare-and-set on the lease as read, so one replica wins each) and queues them again
 * (docs/platforms.md §7).
 */
@Component
class ReplyOutbox {

    private static final Logger log = LoggerFactory.getLogger(ReplyOutbox.class);

    private static final int RESUME_BATCH = 500;

    private final HandledMessageRepository handled;

    private final OutboundService outbound;

    private final ObjectProvider<ReplyRouting> routing;

    private final Settings settings;

    private final CommandQuota quota;

    ReplyOutbox(HandledMessageRepository handled, OutboundService outbound, ObjectProvider<ReplyRouting> routing,
            Settings settings, CommandQuota quota) {
        this.handled = handled;
        this.outbound = outbound;
        this.routing = routing;
        this.settings = settings;
        this.quota = quota;
    }

    /** What the outbox takes from its surroundings, in one piece. */
    @Component
    record Settings(OutboundProperties properties, Backoff backoff, ReplicaId replica, Clock clock) {
    }

    /** True when replies to {@code message} leave through the API, so through here. */
    boolean throughApi(ChatMessage message) {
        return routing.orderedStream().anyMatch(route -> route.throughApi(message.platform()));
    }

    /**
     * Records {@code entry} with its reply pending, inside the current unit of work, and
     * queues it once that commits; false when the message was already logged.
     */
    boolean save(HandledMessage entry, ChatMessage message, @Nullable Instant waitUntil) {
        Instant now = settings.clock().instant();
        PendingReply reply = new PendingReply(entry.platform(), entry.groupId(), entry.messageId(), entry.contentHash(),
                message.senderId(), Objects.requireNonNull(entry.replyText()), now, waitUntil, owner(),
                now.plus(settings.properties().lease()), message.kind());
        if (!handled.savePending(entry, reply)) {
            return false;
        }
        AfterCommit.run(() -> outbound.submit(new QueuedReply(reply)));
        return true;
    }

    /**
     * Renews the lease of what this replica holds, then takes over and queues the pending
     * replies nobody holds any more. Returns how many it took over.
     */
    int resume() {
        Instant now = settings.clock().instant();
        handled.renew(owner(), now.plus(settings.properties().lease()));
        List<PendingReply> unheld = handled.unheld(now, RESUME_BATCH);
        int taken = 0;
        for (PendingReply reply : unheld) {
            Instant lease = now.plus(settings.properties().lease());
            if (handled.takeOver(reply, owner(), lease)) {
                outbound.submit(new QueuedReply(reply.heldBy(owner(), lease)));
                taken++;
            }
        }
        if (taken > 0) {
            log.info("Resumed {} pending repl{} left by a stopped replica or an earlier start", taken,
                    taken == 1 ? "y" : "ies");
        }
        return taken;
    }

    private String owner() {
        return settings.replica().value();
    }

    /**
     * One pending reply in its conversation's queue: its group's, or its private chat's.
     */
    private final class QueuedReply implements Outgoing {

        private final PendingReply reply;

        QueuedReply(PendingReply reply) {
            this.reply = reply;
        }

        @Override
        public Conversation to() {
            return reply.kind() == ChatKind.PRIVATE ? Conversation.of(new UserRef(reply.platform(), reply.senderId()))
                    : Conversation.of(new GroupRef(reply.platform(), reply.groupId()));
        }

        @Override
        public Instant createdAt() {
            return reply.queuedAt();
        }

        @Override
        public Instant expiresAt() {
            return reply.queuedAt().plus(settings.properties().replyMaxAge());
        }

        /**
         * A rate-limit warning says how many seconds are left at the time it is sent, and
         * is not sent once none are.
         */
        @Override
        public Optional<Reply> render(Instant now) {
            Reply.Quote quote = new Reply.Quote(reply.messageId(), reply.senderId());
            if (reply.waitUntil() == null) {
                return Optional.of(Reply.text(reply.replyText()).quoting(quote));
            }
            Duration left = Duration.between(now, reply.waitUntil());
            return !left.isNegative() && !left.isZero() ? Optional.of(Reply.text(quota.tooFast(left)).quoting(quote))
                    : Optional.empty();
        }

        @Override
        public boolean claim(Instant now) {
            return handled.hold(reply, owner(), now.plus(settings.properties().lease()));
        }

        @Override
        public void sent(Instant now) {
            handled.settle(reply, owner(), "sent", now);
        }

        @Override
        public Optional<Instant> failed(String error, boolean retryable, int attempt, Instant now) {
            Optional<Instant> next = retryable ? settings.backoff().next(attempt, now, expiresAt()) : Optional.empty();
            if (next.isEmpty()) {
                handled.settle(reply, owner(), "failed", now);
                log.warn("Reply to {} given up after {} attempt(s) ({}): {}", reply.key(), attempt,
                        retryable ? "too old to retry" : "not retryable", error);
            }
            return next;
        }

        @Override
        public void dropped(String reason, Instant now) {
            handled.settle(reply, owner(), reason, now);
        }

        @Override
        public Map<String, String> logContext() {
            String where = reply.kind() == ChatKind.PRIVATE ? "private:" + reply.senderId() : reply.groupId();
            return Map.of("platform", reply.platform(), "groupId", where, "messageId", reply.messageId());
        }

        @Override
        public String describe() {
            return "reply to " + reply.key();
        }

    }

}
