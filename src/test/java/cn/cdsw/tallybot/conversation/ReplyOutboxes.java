package cn.cdsw.tallybot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import cn.cdsw.tallybot.coordination.CoordinationProperties;
import cn.cdsw.tallybot.coordination.ReplicaId;
import cn.cdsw.tallybot.coordination.local.LocalRateLimiter;
import cn.cdsw.tallybot.outbound.Backoff;
import cn.cdsw.tallybot.outbound.OutboundFixtures;
import cn.cdsw.tallybot.outbound.OutboundProperties;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.platform.ReplyRouting;
import cn.cdsw.tallybot.testing.ShippedWording;

/** Reply outboxes for tests of the reply log. */
final class ReplyOutboxes {

    private ReplyOutboxes() {
    }

    /** Every platform answers in the webhook response: nothing is queued. */
    static ReplyOutbox none(HandledMessageRepository handled) {
        Clock clock = Clock.systemUTC();
        return outbox(handled, OutboundFixtures.inline(List.of(), clock, new SimpleMeterRegistry()), false,
                properties(Duration.ofMinutes(1)), "test", clock);
    }

    /**
     * An outbox of replica {@code replica}; {@code throughApi} routes every platform's
     * replies through {@code outbound}.
     */
    static ReplyOutbox outbox(HandledMessageRepository handled, OutboundService outbound, boolean throughApi,
            OutboundProperties properties, String replica, Clock clock) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (throughApi) {
            beans.addBean("routing", (ReplyRouting) platform -> true);
        }
        CoordinationProperties limits = new CoordinationProperties(20, Duration.ofMinutes(1), 20, Duration.ofMinutes(1),
                Map.of());
        CommandQuota quota = new CommandQuota(new LocalRateLimiter(clock, 20, Duration.ofMinutes(1)), limits,
                ShippedWording.WORDING);
        return new ReplyOutbox(handled, outbound, beans.getBeanProvider(ReplyRouting.class),
                new ReplyOutbox.Settings(properties,
                        new Backoff(Duration.ofMillis(20), Duration.ofMillis(80), new Random(5)),
                        new ReplicaId(replica), clock),
                quota);
    }

    /** Outbound settings with {@code lease}, a tick of half of it. */
    static OutboundProperties properties(Duration lease) {
        return new OutboundProperties(2, Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofMinutes(15), lease,
                lease.dividedBy(2));
    }

}
