package cn.cdsw.tallybot.outbound;

import java.time.Clock;
import java.util.Random;

import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.SendPacer;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the outbound queues over every platform's {@link ChatSender}; the senders are
 * looked up, not required, so the application starts without a platform API.
 */
@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

    @Bean
    OutboundService outboundService(ObjectProvider<ChatSender> senders, SendPacer pacer, OutboundProperties properties,
            Clock clock, MeterRegistry registry) {
        return new OutboundService(senders.orderedStream().toList(), pacer,
                OutboundService.Scheduler.pool(properties.senders()), clock, new OutboundMetrics(registry));
    }

    @Bean
    Backoff outboundBackoff(OutboundProperties properties) {
        return new Backoff(properties.retryInitial(), properties.retryMax(), new Random());
    }

}
