package cn.cdsw.tallybot.coordination.local;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import cn.cdsw.tallybot.coordination.RateLimiter;

/**
 * Commands per sender in fixed windows of the injected clock, in process. The same
 * arithmetic as the Redis implementation, so the two behave alike in the contract test.
 * Counts of past windows are swept once per window (at most), when many senders are
 * tracked: a sweep inside the same window could free nothing, and sweeping on every
 * command made each command cost as much as the number of senders (the ingest benchmark
 * found it at 40% of a report's CPU; docs/bench-history.md §4). Home-made rather than
 * Bucket4j or Resilience4j: their token buckets and permits answer differently from the
 * fixed windows the Redis script counts, and the two implementations must give the same
 * answers to the same commands.
 */
public final class LocalRateLimiter implements RateLimiter {

    static final int SWEEP_ABOVE = 10_000;

    private record Window(long index, int count) {
    }

    private final Clock clock;

    private final int limit;

    private final FixedWindows windowsOfTime;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private final AtomicLong sweptWindow = new AtomicLong(-1);

    public LocalRateLimiter(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.windowsOfTime = new FixedWindows(window);
    }

    @Override
    public Admission admit(String platform, String sender) {
        long now = clock.millis();
        long index = windowsOfTime.index(now);
        Window counted = windows.compute(platform + ":" + sender, (key, old) -> old == null || old.index() != index
                ? new Window(index, 1) : new Window(index, old.count() + 1));
        if (windows.size() > SWEEP_ABOVE && sweptWindow.getAndAccumulate(index, Math::max) < index) {
            windows.values().removeIf(w -> w.index() < index);
        }
        return windowsOfTime.admit(counted.count(), limit, now);
    }

    /**
     * Senders whose counts are held (tests check that memory follows the live window).
     */
    int tracked() {
        return windows.size();
    }

}
