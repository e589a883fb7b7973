package cn.cdsw.tallybot.outbound;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.SendPacer;

/** Outbound queues for tests of the features that queue messages. */
public final class OutboundFixtures {

    private OutboundFixtures() {
    }

    /**
     * Sends on the calling thread, unpaced, before {@code submit} returns; a step that
     * would wait (a retry) is left undone, as if the process stopped.
     */
    public static OutboundService inline(List<ChatSender> senders, Clock clock, MeterRegistry registry) {
        SendPacer unpaced = group -> Duration.ZERO;
        OutboundService.Scheduler now = new OutboundService.Scheduler() {
            @Override
            public void schedule(Runnable task, Duration delay) {
                if (delay.isZero()) {
                    task.run();
                }
            }

            @Override
            public void close() {
            }
        };
        return new OutboundService(senders, unpaced, now, clock, new OutboundMetrics(registry));
    }

    /** A pool of {@code threads} sender threads over {@code pacer}. */
    public static OutboundService pooled(List<ChatSender> senders, SendPacer pacer, int threads, Clock clock,
            MeterRegistry registry) {
        return new OutboundService(senders, pacer, OutboundService.Scheduler.pool(threads), clock,
                new OutboundMetrics(registry));
    }

}
