package cn.cdsw.tallybot.platform.onebot;

import java.time.Clock;
import java.net.URI;

import cn.cdsw.tallybot.platform.InboundHandler;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the OneBot adapter from {@link OneBotProperties}. The sender (and with it
 * API-mode replies) exists only when {@code tallybot.onebot.api-url} is set or a
 * WebSocket mode is on: without either quick replies still work, but nothing can be
 * posted proactively. The WebSocket transports are wired in
 * {@link OneBotWebSocketConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class OneBotConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OneBotConfiguration.class);

    @Bean
    OneBotVerifier oneBotVerifier(OneBotProperties properties) {
        return new OneBotVerifier(properties.secret());
    }

    @Bean
    OneBotSources oneBotSources(OneBotProperties properties) {
        if (!properties.mode().contains(OneBotProperties.Mode.HTTP)) {
            // the webhook is not served, so nothing to warn about
            log.debug("OneBot webhook off: tallybot.onebot.mode is {}", properties.mode());
        }
        else if (properties.secret() == null && properties.insecure()) {
            log.warn("TALLYBOT_ONEBOT_SECRET is not set and TALLYBOT_ONEBOT_INSECURE=true: OneBot events from anywhere "
                    + "are accepted without a signature");
        }
        else if (properties.secret() == null) {
            log.warn("TALLYBOT_ONEBOT_SECRET is not set: only OneBot events from this machine are accepted; set the "
                    + "secret (NapCat: the HTTP client's token) to take events from elsewhere");
        }
        return new OneBotSources(properties.secret() != null, properties.insecure());
    }

    @Bean
    OneBotConnections oneBotConnections() {
        return new OneBotConnections();
    }

    @Bean
    OneBotAnswers oneBotAnswers() {
        return new OneBotAnswers();
    }

    @Bean
    @Conditional(OneBotModes.CanSend.class)
    OneBotSender oneBotSender(OkHttpClient okHttpClient, OneBotProperties properties,
            OneBotConnections oneBotConnections) {
        URI apiUrl = properties.apiUrl();
        OneBotActions http = apiUrl == null ? null
                : new OneBotHttpActions(okHttpClient, apiUrl, properties.accessToken());
        return new OneBotSender(http, oneBotConnections);
    }

    @Bean
    ReplyMetrics oneBotReplyMetrics(MeterRegistry registry, OneBotProperties properties) {
        return new ReplyMetrics(registry, properties.replyMode());
    }

    /**
     * In API mode, tells the core to queue the replies to OneBot messages for
     * {@code send_group_msg}; the core paces them per group, shared with the other
     * replicas and the summary.
     */
    @Bean
    @Conditional(OneBotModes.CanSend.class)
    OneBotApiReplies oneBotApiReplies(OneBotProperties properties) {
        return new OneBotApiReplies(viaApi(properties));
    }

    @Bean
    OneBotInbound oneBotInbound(OneBotProperties properties, OneBotVerifier oneBotVerifier,
            InboundHandler inboundHandler, ObjectProvider<OneBotApiReplies> apiReplies, ReplyMetrics oneBotReplyMetrics,
            OneBotAnswers oneBotAnswers, Clock clock) {
        OneBotReplies replies = viaApi(properties) ? apiReplies.getObject()
                : new OneBotQuickReplies(properties.atSender(), oneBotReplyMetrics);
        return new OneBotInbound(properties.maxBodyBytes(), oneBotVerifier, new OneBotEventMapper(clock),
                inboundHandler, replies, oneBotAnswers);
    }

    /**
     * Whether replies leave through the API (queued by the core) rather than in the
     * webhook response: in API mode, and whenever a WebSocket carries events, because a
     * WebSocket event has no response to answer in, and a webhook event answered quickly
     * as well would be answered twice.
     */
    static boolean viaApi(OneBotProperties properties) {
        return properties.replyMode() == OneBotProperties.ReplyMode.API
                || properties.mode().stream().anyMatch(mode -> mode != OneBotProperties.Mode.HTTP);
    }

}
