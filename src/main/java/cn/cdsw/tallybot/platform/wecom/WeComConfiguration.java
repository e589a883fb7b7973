package cn.cdsw.tallybot.platform.wecom;

import java.net.URI;
import java.time.Clock;

import cn.cdsw.tallybot.platform.InboundHandler;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the WeCom adapter from {@link WeComProperties}: the callback once the token and
 * the key are set, the sender once there is a callback to answer or a webhook to post to.
 * Nothing of it exists while neither is set.
 */
@Configuration(proxyBeanMethods = false)
class WeComConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WeComConfiguration.class);

    /**
     * Callbacks whose reply is still to be sent; past a few thousand the oldest are the
     * ones long answered or given up.
     */
    private static final int KEPT_CALLBACKS = 10_000;

    @Bean
    @Conditional(WeComSwitches.Sends.class)
    WeComCallbacks weComCallbacks(WeComProperties properties, Clock clock) {
        return new WeComCallbacks(new ExpiringKeys<>(clock, properties.responseUrlTtl(), KEPT_CALLBACKS),
                new ExpiringKeys<>(clock, properties.responseUrlTtl(), KEPT_CALLBACKS));
    }

    @Bean
    @Conditional(WeComSwitches.Sends.class)
    WeComSender weComSender(OkHttpClient okHttpClient, WeComProperties properties, WeComCallbacks callbacks) {
        if (!properties.posts()) {
            log.warn("TALLYBOT_WECOM_WEBHOOK_URL is not set: WeCom messages are answered, but nothing is posted "
                    + "on its own (the daily summary) and a reply whose response_url is gone is lost");
        }
        return new WeComSender(new WeComRobotApi(okHttpClient), properties, callbacks.responseUrls(),
                callbacks.answeredInResponse());
    }

    @Bean
    @Conditional(WeComSwitches.Receives.class)
    WeComReplyRouting weComReplyRouting() {
        return new WeComReplyRouting();
    }

    @Bean
    @Conditional(WeComSwitches.Receives.class)
    WeComInbound weComInbound(WeComProperties properties, InboundHandler inboundHandler, WeComCallbacks callbacks,
            Clock clock) {
        log.info("WeCom callback served at /webhook/wecom");
        return new WeComInbound(new WeComCrypto(properties.token(), properties.aesKey()), properties.receiveId(),
                properties.maxBodyBytes(), new WeComMessageMapper(clock), inboundHandler, callbacks.responseUrls(),
                callbacks.answeredInResponse(), clock);
    }

    /**
     * What a callback leaves for its reply, shared by the callback and the sender: the
     * {@code response_url} of a robot message, and that a self-built app message was
     * answered in its response.
     */
    record WeComCallbacks(ExpiringKeys<URI> responseUrls, ExpiringKeys<Boolean> answeredInResponse) {
    }

}
