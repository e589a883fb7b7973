package cn.cdsw.tallybot.outbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound sending, bound from {@code tallybot.outbound.*} (docs/platforms.md §7).
 *
 * @param senders threads that make platform calls; pacing never holds one, so a few serve
 * every group
 * @param retryInitial the first wait after a failed reply, doubling up to
 * {@code retry-max}
 * @param retryMax the longest wait between two attempts of a reply
 * @param replyMaxAge a reply not sent this long after its message is dropped with one
 * WARN: an answer much later only confuses
 * @param lease how long a replica holds the pending replies it queued without renewing
 * its claim; after a crash another replica (or the next start) resumes them this long
 * after the last renewal
 * @param tick how often a replica renews its lease and looks for pending messages nobody
 * holds; at most half the lease
 */
@ConfigurationProperties("tallybot.outbound")
public record OutboundProperties(@DefaultValue("4") int senders, @DefaultValue("2s") Duration retryInitial,
        @DefaultValue("1m") Duration retryMax, @DefaultValue("15m") Duration replyMaxAge,
        @DefaultValue("1m") Duration lease, @DefaultValue("15s") Duration tick) {

    public OutboundProperties {
        if (senders < 1) {
            throw new IllegalArgumentException("tallybot.outbound.senders must be at least 1");
        }
        positive(retryInitial, "retry-initial");
        positive(replyMaxAge, "reply-max-age");
        positive(lease, "lease");
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("tallybot.outbound.retry-max must not be below retry-initial");
        }
        positive(tick, "tick");
        if (tick.multipliedBy(2).compareTo(lease) > 0) {
            throw new IllegalArgumentException(
                    "tallybot.outbound.tick must be at most half of tallybot.outbound.lease");
        }
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tallybot.outbound." + name + " must be positive");
        }
    }

}
