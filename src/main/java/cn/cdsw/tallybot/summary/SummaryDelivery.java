package cn.cdsw.tallybot.summary;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one claimed post through its platform's {@link ChatSender} and records the
 * outcome. This is the only place that retries a send (the adapters never do, so retries
 * cannot stack up into a double post): a retryable failure becomes {@code failed} with a
 * backoff time, anything else ends {@code abandoned} with one ERROR line
 * (docs/daily-summary.md §5).
 */
final class SummaryDelivery {

    private static final Logger log = LoggerFactory.getLogger(SummaryDelivery.class);

    private static final int MAX_ERROR_TEXT = 500;

    private final SummaryClaimRepository claims;

    private final Map<String, ChatSender> senders;

    private final RetryPolicy retry;

    private final boolean images;

    private final String owner;

    private final Clock clock;

    private final SummaryMetrics metrics;

    private final Set<String> platformsWarned = ConcurrentHashMap.newKeySet();

    SummaryDelivery(SummaryClaimRepository claims, List<ChatSender> senders, RetryPolicy retry, boolean images,
            String owner, Clock clock, SummaryMetrics metrics) {
        this.claims = claims;
        this.senders = senders.stream()
            .collect(Collectors.toUnmodifiableMap(ChatSender::platform, Function.identity()));
        this.retry = retry;
        this.images = images;
        this.owner = owner;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Tries one due post; the row's status tells the outcome. */
    void deliver(SummaryPost post, TickSummaries summaries, Instant now) {
        if (retry.expired(post.claimedAt(), now)) {
            giveUp(post, "not delivered within " + retry.retryFor() + " of the claim (the bot was down)");
            return;
        }
        Optional<ChatSender> sender = sender(post.group());
        if (sender.isEmpty()) {
            // Already said once at WARN by sender(); one ERROR per row and day would only
            // repeat it.
            if (claims.abandonUnsent(post, "no sender for platform " + post.group().platform())) {
                metrics.count(SummaryMetrics.Outcome.ABANDONED);
            }
            return;
        }
        // Composed before the take, so a composer failure leaves the row untouched for
        // the next tick.
        DailySummary summary = summaries.get(post.date(), post.catchUp());
        if (!claims.take(post, owner, now)) {
            log.debug("Summary {} was taken by another tick or replica", post.key());
            return;
        }
        if (send(sender.get(), post, summary, now)) {
            summaries.delivered(summary);
        }
    }

    /**
     * Sends to one group right away, once, without touching the schedule; null or the
     * error text.
     */
    @Nullable String sendNow(GroupRef group, DailySummary summary) {
        Optional<ChatSender> sender = sender(group);
        if (sender.isEmpty()) {
            return "no sender for platform " + group.platform();
        }
        try {
            sender.get().send(group, reply(summary));
        }
        catch (RuntimeException e) {
            log.warn("Re-post of the summary of {} to {}:{} failed: {}", summary.date(), group.platform(),
                    group.groupId(), describe(e));
            metrics.count(SummaryMetrics.Outcome.FAILED);
            return describe(e);
        }
        metrics.count(SummaryMetrics.Outcome.POSTED);
        claims.recordManualPost(group, summary.date(), clock.instant());
        log.info("Re-posted the summary of {} to {}:{}", summary.date(), group.platform(), group.groupId());
        return null;
    }

    /** True when the platform accepted the post. */
    private boolean send(ChatSender sender, SummaryPost post, DailySummary summary, Instant now) {
        int attempt = post.attempts() + 1;
        try {
            sender.send(post.group(), reply(summary));
        }
        catch (PlatformCallException e) {
            failed(post, attempt, e.retryable(), describe(e), now);
            return false;
        }
        catch (RuntimeException e) {
            // A refused request (e.g. text too long) fails the same way every time: not
            // worth a retry.
            failed(post, attempt, false, describe(e), now);
            return false;
        }
        // the platform has it either way: counted as posted even if an operator's re-post
        // changed the row meanwhile
        metrics.count(SummaryMetrics.Outcome.POSTED);
        if (claims.markSent(post, owner, clock.instant())) {
            log.info("Posted the summary {}{} (attempt {})", post.key(), post.catchUp() ? " as 补发" : "", attempt);
        }
        else {
            log.warn("Posted the summary {}, but its row changed meanwhile (re-posted by an operator?)", post.key());
        }
        return true;
    }

    private void failed(SummaryPost post, int attempt, boolean retryable, String error, Instant now) {
        Optional<Instant> next = retryable ? retry.nextAttempt(attempt, post.claimedAt(), now) : Optional.empty();
        if (next.isPresent()) {
            claims.markFailed(post, owner, next.get(), error);
            metrics.count(SummaryMetrics.Outcome.RETRIED);
            log.warn("Summary {} attempt {} failed, next try at {}: {}", post.key(), attempt, next.get(), error);
            return;
        }
        claims.markAbandoned(post, owner, error);
        metrics.count(SummaryMetrics.Outcome.ABANDONED);
        log.error("Gave up the summary {} after {} attempt(s) ({}): {}; re-post with POST /api/v1/summary?date={}",
                post.key(), attempt, retryable ? "retry period over" : "not retryable", error, post.date());
    }

    private void giveUp(SummaryPost post, String reason) {
        if (claims.abandonUnsent(post, reason)) {
            metrics.count(SummaryMetrics.Outcome.ABANDONED);
            log.error("Gave up the summary {}: {}", post.key(), reason);
        }
    }

    private Optional<ChatSender> sender(GroupRef group) {
        ChatSender sender = senders.get(group.platform());
        if (sender == null && platformsWarned.add(group.platform())) {
            log.warn("No sender for platform {}: summaries to its groups cannot be posted (is its API URL set?)",
                    group.platform());
        }
        return Optional.ofNullable(sender);
    }

    private Reply reply(DailySummary summary) {
        byte[] chart = summary.chartPng();
        return new Reply(summary.text(), images && chart != null ? Base64.getEncoder().encodeToString(chart) : null);
    }

    private static String describe(RuntimeException e) {
        String text = e instanceof PlatformCallException p ? p.platform() + " " + p.errorCode() + ": " + p.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text;
    }

}
