package cn.cdsw.tallybot.platform.dingtalk;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import cn.cdsw.tallybot.platform.InboundHandler;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the DingTalk adapter from {@link DingTalkProperties}, only when the app key and
 * secret are both set: until then {@code /webhook/dingtalk} does not exist and nothing is
 * sent to DingTalk.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DingTalkEnabled.class)
class DingTalkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DingTalkConfiguration.class);

    @Bean
    DingTalkSessions dingTalkSessions(DingTalkProperties properties, Clock clock) {
        return new DingTalkSessions(List.of(properties.oapi(), properties.apiUrl()), clock, properties.sessionMargin());
    }

    @Bean
    DingTalkTokens dingTalkTokens(OkHttpClient okHttpClient, DingTalkProperties properties, Clock clock) {
        return new DingTalkTokens(okHttpClient, HttpUrl.get(properties.apiUrl().toString()),
                Objects.requireNonNull(properties.appKey()), Objects.requireNonNull(properties.appSecret()), clock,
                properties.tokenRefreshMargin());
    }

    @Bean
    DingTalkSender dingTalkSender(OkHttpClient okHttpClient, DingTalkProperties properties,
            DingTalkTokens dingTalkTokens, DingTalkSessions dingTalkSessions) {
        DingTalkApi api = new DingTalkApi(okHttpClient, properties.apiUrl(), properties.oapi(), dingTalkTokens);
        return new DingTalkSender(api, dingTalkSessions, properties.robot());
    }

    @Bean
    DingTalkReplyRouting dingTalkReplyRouting() {
        return new DingTalkReplyRouting();
    }

    @Bean
    DingTalkInbound dingTalkInbound(DingTalkProperties properties, InboundHandler inboundHandler,
            DingTalkSessions dingTalkSessions, Clock clock) {
        log.info("DingTalk adapter on: robot callbacks at POST /webhook/dingtalk, API at {}", properties.apiUrl());
        DingTalkVerifier verifier = new DingTalkVerifier(Objects.requireNonNull(properties.appSecret()), clock,
                properties.signatureSkew());
        return new DingTalkInbound(properties.maxBodyBytes(), verifier, new DingTalkMapper(clock), dingTalkSessions,
                inboundHandler);
    }

}
