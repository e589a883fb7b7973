package cn.cdsw.tallybot.summary;

import java.time.Instant;

import cn.cdsw.tallybot.platform.GroupRef;
import org.jspecify.annotations.Nullable;

/**
 * Where one group's post of a day stands: {@code queued} (waiting for its slot, or for a
 * retry), {@code sending}, {@code sent}, {@code failed} (retried later) or
 * {@code abandoned}, with the attempts so far and the last error.
 */
public record PostProgress(String id, GroupRef group, String status, int attempts, @Nullable Instant sentAt,
        @Nullable String lastError) {

    static PostProgress of(SummaryPost post, Instant now) {
        boolean leased = post.leaseUntil() != null && !post.leaseUntil().isBefore(now);
        String status = post.status() == PostStatus.PENDING || (post.status() == PostStatus.FAILED && leased) ? "queued"
                : post.status().code();
        return new PostProgress(post.key(), post.group(), status, post.attempts(), post.sentAt(), post.lastError());
    }

}
