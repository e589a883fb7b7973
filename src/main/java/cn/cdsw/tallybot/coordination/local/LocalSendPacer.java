package cn.cdsw.tallybot.coordination.local;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.SendPacer;

/**
 * Send slots per group in process: a slot is free when fewer than {@code limit} slots lie
 * in the window before it. Slots are handed out in order, so a queue of sends to one
 * group drains one window at a time. The Redis implementation keeps the same list in a
 * Redis list. Slots more than two windows ahead mean the clock went back (or a queue far
 * longer than any group should have): the list starts afresh rather than sleep on them.
 */
public final class LocalSendPacer implements SendPacer {

    private final Clock clock;

    private final int limit;

    private final long windowMillis;

    private final ConcurrentHashMap<GroupRef, Deque<Long>> slots = new ConcurrentHashMap<>();

    public LocalSendPacer(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    @Override
    public Duration reserve(GroupRef group) {
        Deque<Long> recent = slots.computeIfAbsent(group, g -> new ArrayDeque<>());
        long now = clock.millis();
        synchronized (recent) {
            if (!recent.isEmpty() && recent.peekFirst() > now + 2 * windowMillis) {
                recent.clear();
            }
            long slot = recent.isEmpty() ? now : Math.max(now, recent.peekFirst());
            if (recent.size() >= limit) {
                slot = Math.max(slot, recent.peekLast() + windowMillis);
            }
            recent.addFirst(slot);
            while (recent.size() > limit) {
                recent.removeLast();
            }
            return Duration.ofMillis(slot - now);
        }
    }

}
