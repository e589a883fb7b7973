package cn.cdsw.tallybot.coordination.local;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import cn.cdsw.tallybot.coordination.SendPace;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.SendPacer;

/**
 * Send slots per group in process: a slot is free when, for every rate of the group's
 * platform, fewer than its limit of slots lie in the window before it. Slots are handed
 * out in order, so a queue of sends to one group drains at the pace. The Redis
 * implementation keeps the same list in a Redis list. Slots more than two of the longest
 * windows ahead mean the clock went back (or a queue far longer than any group should
 * have): the list starts afresh rather than wait for them.
 */
public final class LocalSendPacer implements SendPacer {

    private final Clock clock;

    private final SendPace pace;

    /** Newest slot first, at most {@link SendPace#depth} of them. */
    private final ConcurrentHashMap<GroupRef, List<Long>> slots = new ConcurrentHashMap<>();

    public LocalSendPacer(Clock clock, SendPace pace) {
        this.clock = clock;
        this.pace = pace;
    }

    public LocalSendPacer(Clock clock, int limit, Duration window) {
        this(clock, SendPace.uniform(limit, window));
    }

    @Override
    public Duration reserve(GroupRef group) {
        List<SendPace.Rate> rates = pace.of(group.platform());
        int depth = pace.depth(group.platform());
        long longest = rates.stream().mapToLong(rate -> rate.window().toMillis()).max().orElse(0);
        List<Long> recent = slots.computeIfAbsent(group, g -> new ArrayList<>());
        long now = clock.millis();
        synchronized (recent) {
            if (!recent.isEmpty() && recent.get(0) > now + 2 * longest) {
                recent.clear();
            }
            long slot = recent.isEmpty() ? now : Math.max(now, recent.get(0));
            for (SendPace.Rate rate : rates) {
                if (recent.size() >= rate.limit()) {
                    slot = Math.max(slot, recent.get(rate.limit() - 1) + rate.window().toMillis());
                }
            }
            recent.add(0, slot);
            while (recent.size() > depth) {
                recent.remove(recent.size() - 1);
            }
            return Duration.ofMillis(slot - now);
        }
    }

}
