package cn.cdsw.tallybot.summary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.cdsw.tallybot.outbound.Conversation;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.outbound.Outgoing;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues claimed posts in their groups' outbound queues and records what became of each.
 * Queuing leases the row to this replica ({@link SummaryClaimRepository#queue}); the send
 * takes it to {@code sending} right before the platform call, so a replica that stops
 * while a post waits leaves it due again once the lease has run out, and one that stops
 * during the call leaves it in {@code sending}, never resent. A retryable failure becomes
 * {@code failed} with a backoff time, which the next tick queues again; anything else
 * ends {@code abandoned} with one ERROR line (docs/daily-summary.md §5).
 */
final class SummaryDelivery {

    private static final Logger log = LoggerFactory.getLogger(SummaryDelivery.class);

    private final SummaryClaimRepository claims;

    private final OutboundService outbound;

    private final RetryPolicy retry;

    private final Settings settings;

    private final SummaryMetrics metrics;

    private final Set<String> platformsWarned = ConcurrentHashMap.newKeySet();

    /**
     * @param images whether the chart goes with the text
     * @param owner this replica, the owner of the rows it queues
     * @param lease how long a queued row stays this replica's without renewal
     */
    record Settings(boolean images, String owner, Duration lease, Clock clock) {
    }

    SummaryDelivery(SummaryClaimRepository claims, OutboundService outbound, RetryPolicy retry, Settings settings,
            SummaryMetrics metrics) {
        this.claims = claims;
        this.outbound = outbound;
        this.retry = retry;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Queues one due post; the row's status tells the outcome later. */
    void deliver(SummaryPost post, TickSummaries summaries, Instant now) {
        if (retry.expired(post.claimedAt(), now)) {
            giveUp(post, "not delivered within " + retry.retryFor() + " of the claim (the bot was down)");
            return;
        }
        if (!serves(post.group())) {
            // Already said once at WARN by serves(); one ERROR per row and day would only
            // repeat it.
            if (claims.abandonUnsent(post, "no sender for platform " + post.group().platform())) {
                metrics.count(SummaryMetrics.Outcome.ABANDONED);
            }
            return;
        }
        // Composed before the queueing, so a composer failure leaves the row untouched
        // for the next tick.
        DailySummary summary = summaries.get(post.kind(), post.date(), post.catchUp());
        if (!claims.queue(post, settings.owner(), now, now.plus(settings.lease()))) {
            log.debug("Summary {} was queued by another tick or replica", post.key());
            return;
        }
        outbound.submit(new QueuedPost(post, summary, now, () -> summaries.delivered(summary)));
    }

    /**
     * Queues an operator's re-post of {@code summary} to {@code group}; the delivery's
     * status is {@code queued}, or says why not.
     */
    Delivery repost(GroupRef group, DailySummary summary, Runnable firstSent) {
        if (!serves(group)) {
            return new Delivery(group, summary, "abandoned", "no sender for platform " + group.platform());
        }
        Instant now = settings.clock().instant();
        if (!claims.queueRepost(group, summary.kind(), summary.date(), settings.owner(), now,
                now.plus(settings.lease()))) {
            return new Delivery(group, summary, "queued", "already queued");
        }
        SummaryPost post = claims.find(group, summary.kind(), summary.date()).orElseThrow();
        outbound.submit(new QueuedPost(post, summary, now, firstSent));
        return new Delivery(group, summary, "queued", null);
    }

    /** Extends the lease of the posts this replica has queued. */
    void renew(Instant now) {
        claims.renew(settings.owner(), now, now.plus(settings.lease()));
    }

    private void failed(SummaryPost post, int attempt, boolean retryable, String error, Instant now) {
        Optional<Instant> next = retryable ? retry.nextAttempt(attempt, post.claimedAt(), now) : Optional.empty();
        if (next.isPresent()) {
            claims.markFailed(post, settings.owner(), next.get(), error);
            metrics.count(SummaryMetrics.Outcome.RETRIED);
            log.warn("Summary {} attempt {} failed, next try at {}: {}", post.key(), attempt, next.get(), error);
            return;
        }
        claims.markAbandoned(post, settings.owner(), error);
        metrics.count(SummaryMetrics.Outcome.ABANDONED);
        log.error("Gave up the summary {} after {} attempt(s) ({}): {}; re-post with {}", post.key(), attempt,
                retryable ? "retry period over" : "not retryable", error, post.kind().repostHint(post.date()));
    }

    private void giveUp(SummaryPost post, String reason) {
        if (claims.abandonUnsent(post, reason)) {
            metrics.count(SummaryMetrics.Outcome.ABANDONED);
            log.error("Gave up the summary {}: {}", post.key(), reason);
        }
    }

    private boolean serves(GroupRef group) {
        boolean serves = outbound.serves(group.platform());
        if (!serves && platformsWarned.add(group.platform())) {
            log.warn("No sender for platform {}: summaries to its groups cannot be posted (is its API URL set?)",
                    group.platform());
        }
        return serves;
    }

    private Reply reply(DailySummary summary) {
        byte[] chart = summary.chartPng();
        return new Reply(summary.text(),
                settings.images() && chart != null ? Base64.getEncoder().encodeToString(chart) : null);
    }

    /**
     * One post in its group's outbound queue: the row as queued and the summary to send.
     */
    private final class QueuedPost implements Outgoing {

        private final SummaryPost post;

        private final DailySummary summary;

        private final Instant queuedAt;

        private final Runnable firstSent;

        QueuedPost(SummaryPost post, DailySummary summary, Instant queuedAt, Runnable firstSent) {
            this.post = post;
            this.summary = summary;
            this.queuedAt = queuedAt;
            this.firstSent = firstSent;
        }

        @Override
        public Conversation to() {
            return Conversation.of(post.group());
        }

        @Override
        public Instant createdAt() {
            return queuedAt;
        }

        @Override
        public Instant expiresAt() {
            return post.claimedAt().plus(retry.retryFor());
        }

        @Override
        public Optional<Reply> render(Instant now) {
            return Optional.of(reply(summary));
        }

        @Override
        public boolean claim(Instant now) {
            return claims.take(post, settings.owner(), now);
        }

        @Override
        public void sent(Instant now) {
            // the platform has it either way: counted as posted even if an operator's
            // re-post changed the row meanwhile
            metrics.count(SummaryMetrics.Outcome.POSTED);
            firstSent.run();
            if (claims.markSent(post, settings.owner(), now)) {
                log.info("Posted the summary {}{} (attempt {})", post.key(), post.catchUp() ? " as 补发" : "",
                        post.attempts() + 1);
            }
            else {
                log.warn("Posted the summary {}, but its row changed meanwhile (re-posted by an operator?)",
                        post.key());
            }
        }

        /** The row keeps the retry schedule: the next tick queues it again when due. */
        @Override
        public Optional<Instant> failed(String error, boolean retryable, int attempt, Instant now) {
            SummaryDelivery.this.failed(post, post.attempts() + 1, retryable, error, now);
            return Optional.empty();
        }

        @Override
        public void dropped(String reason, Instant now) {
            giveUp(post, "not delivered within " + retry.retryFor() + " of the claim (" + reason + ")");
        }

        @Override
        public String describe() {
            return "summary " + post.key();
        }

    }

}
