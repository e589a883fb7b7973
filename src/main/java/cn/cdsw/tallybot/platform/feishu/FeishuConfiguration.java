package cn.cdsw.tallybot.platform.feishu;

import java.time.Clock;

import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import cn.cdsw.tallybot.platform.InboundHandler;

/**
 * Wires the Feishu adapter when its app id, app secret and verification token are set;
 * without them nothing of it exists and {@code /webhook/feishu} is a 404.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(FeishuConfiguration.Enabled.class)
class FeishuConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FeishuConfiguration.class);

    @Bean
    FeishuApi feishuApi(OkHttpClient okHttpClient, FeishuProperties properties, Clock clock) {
        if (properties.encryptKey() == null) {
            log.warn("TALLYBOT_FEISHU_ENCRYPT_KEY is not set: Feishu events are checked by their verification token "
                    + "only; set an Encrypt Key in the app's event subscription and here to have them encrypted and "
                    + "signed");
        }
        log.info("Feishu adapter on: {}", properties);
        return new FeishuApi(okHttpClient, properties, clock);
    }

    @Bean
    FeishuSender feishuSender(FeishuApi feishuApi) {
        return new FeishuSender(feishuApi);
    }

    @Bean
    FeishuInbound feishuInbound(FeishuProperties properties, InboundHandler inboundHandler, Clock clock) {
        return new FeishuInbound(properties, new FeishuEventMapper(clock), inboundHandler, clock);
    }

    /**
     * The adapter is on when its three settings are, read as the properties read them.
     */
    static final class Enabled implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Binder binder = Binder.get(context.getEnvironment());
            return set(binder, "app-id") && set(binder, "app-secret") && set(binder, "verification-token");
        }

        private static boolean set(Binder binder, String name) {
            return binder.bind("tallybot.feishu." + name, String.class).map(value -> !value.isBlank()).orElse(false);
        }

    }

}
