package cn.cdsw.tallybot.conversation;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.coordination.CoordinationProperties;
import cn.cdsw.tallybot.coordination.RateLimiter;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.wording.CommandRefusals;
import cn.cdsw.tallybot.wording.Wording;

/**
 * The per-sender command budget (default 20 a minute, across all replicas when Redis is
 * configured; see docs/coordination.md §6). Only commands count: chat the bot ignores
 * costs nothing, and a redelivered message was answered before it got here.
 */
@Component
class CommandQuota {

    private final RateLimiter limiter;

    private final int limit;

    private final Duration window;

    private final CommandRefusals refusals;

    CommandQuota(RateLimiter limiter, CoordinationProperties properties, Wording wording) {
        this.limiter = limiter;
        this.limit = properties.commandLimit();
        this.window = properties.commandWindow();
        this.refusals = wording.commandRefusals();
    }

    /**
     * The refusal to send instead of handling this command, when its sender is over
     * budget.
     */
    Optional<String> refusal(ChatMessage message) {
        return check(message).map(this::tooFast);
    }

    /**
     * How long the sender must wait before the next command, when this one is over
     * budget.
     */
    Optional<Duration> check(ChatMessage message) {
        RateLimiter.Admission admission = limiter.admit(message.platform(), message.senderId());
        return admission.allowed() ? Optional.empty() : Optional.of(admission.retryAfter());
    }

    /**
     * The refusal for a sender who may send again in {@code retryAfter}: worded when it
     * is sent, because a queued warning would otherwise name seconds that have passed.
     */
    String tooFast(Duration retryAfter) {
        return refusals.tooFast(limit, window, retryAfter);
    }

}
