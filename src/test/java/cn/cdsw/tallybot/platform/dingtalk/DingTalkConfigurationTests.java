package cn.cdsw.tallybot.platform.dingtalk;

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

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter is off until both credentials are set, and then is DingTalk's sender. */
class DingTalkConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(Infrastructure.class, DingTalkConfiguration.class, DingTalkWebhookController.class);

    @Test
    void isOffWithoutBothCredentials() {
        runner.run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(DingTalkWebhookController.class)
            .doesNotHaveBean(ChatSender.class)
            .doesNotHaveBean(ReplyRouting.class));
        runner.withPropertyValues("tallybot.dingtalk.app-key=dingKEY")
            .run(context -> assertThat(context).doesNotHaveBean(DingTalkWebhookController.class));
        runner.withPropertyValues("tallybot.dingtalk.app-key=dingKEY", "tallybot.dingtalk.app-secret=")
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DingTalkInbound.class));
    }

    @Test
    void withBothCredentialsServesTheWebhookAndSendsForDingTalk() {
        runner.withPropertyValues("tallybot.dingtalk.app-key=dingKEY", "tallybot.dingtalk.app-secret=s3cret")
            .run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(DingTalkWebhookController.class);
                assertThat(context.getBean(ChatSender.class).platform()).isEqualTo("dingtalk");
                assertThat(context.getBean(ReplyRouting.class).throughApi("dingtalk")).isTrue();
                assertThat(context.getBean(ReplyRouting.class).throughApi("onebot")).isFalse();
            });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DingTalkProperties.class)
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
