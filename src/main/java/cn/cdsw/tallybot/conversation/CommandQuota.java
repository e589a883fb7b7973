package cn.cdsw.tallybot.conversation;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.coordination.CoordinationProperties;
import cn.cdsw.tallybot.coordination.RateLimiter;
import cn.cdsw.tallybot.platform.ChatMessage;

/**
 * The per-sender command budget (default 20 a minute, across all replicas when Redis is configured; see
 * docs/coordination.md §6). Only commands count: chat the bot ignores costs nothing, and a redelivered message was
 * answered before it got here.
 */
@Component
class CommandQuota {

    private final RateLimiter limiter;
    private final int limit;
    private final Duration window;

    CommandQuota(RateLimiter limiter, CoordinationProperties properties) {
        this.limiter = limiter;
        this.limit = properties.commandLimit();
        this.window = properties.commandWindow();
    }

    /** The refusal to send instead of handling this command, when its sender is over budget. */
    Optional<String> refusal(ChatMessage message) {
        RateLimiter.Admission admission = limiter.admit(message.platform(), message.senderId());
        if (admission.allowed()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (admission.retryAfter().toMillis() + 999) / 1000);
        return Optional.of("⏳ 命令发得太快了：每" + per(window) + "最多 " + limit + " 条。这条没有处理，请 " + seconds
                + " 秒后再发。");
    }

    private static String per(Duration window) {
        if (window.equals(Duration.ofMinutes(1))) {
            return "分钟";
        }
        return window.toSeconds() % 60 == 0 ? " " + window.toMinutes() + " 分钟" : " " + window.toSeconds() + " 秒";
    }
}
