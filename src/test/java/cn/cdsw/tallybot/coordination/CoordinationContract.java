package cn.cdsw.tallybot.coordination;

import java.time.Duration;
import java.time.Instant;

import cn.cdsw.tallybot.e2e.MutableClock;

/**
 * What every coordination contract test gives its implementations: a movable clock at the
 * start of a minute, and a way to let a TTL pass. In-process implementations read the
 * clock; Redis keeps its own time for TTLs, so its subclasses also wait until Redis has
 * let the keys lapse.
 */
public abstract class CoordinationContract {

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

    /** Lets {@code duration} pass for the implementation under test. */
    protected abstract void elapse(Duration duration);

}
