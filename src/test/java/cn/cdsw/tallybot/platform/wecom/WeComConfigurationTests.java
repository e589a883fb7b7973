package cn.cdsw.tallybot.platform.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.InboundHandler;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.platform.ReplyRouting;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The adapter is off until its secrets are set: the callback with the token and the key,
 * the sender with those or a webhook.
 */
class WeComConfigurationTests {

    static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Infrastructure.class,
            WeComConfiguration.class, WeComWebhookController.class);

    @Test
    void withNothingSetThereIsNoWeComAtAll() {
        runner.withPropertyValues("tallybot.wecom.token=", "tallybot.wecom.webhook-url= ").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(WeComWebhookController.class)
                .doesNotHaveBean(ChatSender.class)
                .doesNotHaveBean(ReplyRouting.class);
        });
    }

    @Test
    void withAWebhookOnlyItPostsButTakesNoCallback() {
        runner.withPropertyValues("tallybot.wecom.webhook-url=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k")
            .run(context -> {
                assertThat(context).hasSingleBean(ChatSender.class).doesNotHaveBean(WeComWebhookController.class);
                assertThat(context.getBean(ChatSender.class).platform()).isEqualTo("wecom");
            });
    }

    @Test
    void withTheTokenAndTheKeyItTakesCallbacksAndRepliesThroughTheQueue() {
        runner.withPropertyValues("tallybot.wecom.token=t", "tallybot.wecom.aes-key=" + KEY).run(context -> {
            assertThat(context).hasSingleBean(WeComWebhookController.class).hasSingleBean(ChatSender.class);
            assertThat(context.getBean(ReplyRouting.class).throughApi("wecom")).isTrue();
            assertThat(context.getBean(ReplyRouting.class).throughApi("onebot")).isFalse();
        });
    }

    @Test
    void aTokenWithoutItsKeyStopsTheStart() {
        runner.withPropertyValues("tallybot.wecom.token=t")
            .run(context -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("set together"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WeComProperties.class)
    static class Infrastructure {

        @Bean
        OkHttpClient okHttpClient() {
            return new OkHttpClient();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        InboundHandler inboundHandler() {
            return new InboundHandler() {
                @Override
                public Optional<Reply> onMessage(ChatMessage message) {
                    return Optional.empty();
                }

                @Override
                public void onRecall(MessageRecall recall) {
                }
            };
        }

    }

}
