package cn.cdsw.tallybot.platform.onebot;

import java.time.Clock;
import java.time.Duration;

import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.InboundHandler;
import cn.cdsw.tallybot.platform.SendPacer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class OneBotConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, OneBotConfiguration.class, OneBotWebhookController.class);

    @Test
    void withoutApiUrlRepliesQuicklyAndHasNoSender() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(OneBotInbound.class).hasSingleBean(OneBotVerifier.class)
                    .hasSingleBean(OneBotWebhookController.class)
                    .doesNotHaveBean(ChatSender.class).doesNotHaveBean(OneBotApiReplies.class);
        });
    }

    @Test
    void anEmptyApiUrlCountsAsUnset() {
        runner.withPropertyValues("tallybot.onebot.api-url=").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ChatSender.class);
        });
    }

    @Test
    void withApiUrlTheSenderIsTheOneBotChatSender() {
        runner.withPropertyValues("tallybot.onebot.api-url=http://127.0.0.1:3000").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("oneBotSender")).isInstanceOf(ChatSender.class);
            assertThat(context.getBean(ChatSender.class).platform()).isEqualTo("onebot");
            assertThat(context).hasBean("oneBotApiReplies").hasBean("oneBotInbound").hasBean("oneBotVerifier");
        });
    }

    @Test
    void apiModeWithoutApiUrlFailsAtStartUp() {
        runner.withPropertyValues("tallybot.onebot.reply-mode=API").run(context ->
                assertThat(context).hasFailed());
    }

    @Test
    void apiModeStarts() {
        runner.withPropertyValues("tallybot.onebot.reply-mode=API", "tallybot.onebot.api-url=http://127.0.0.1:3000")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OneBotProperties.class)
    static class Infrastructure {

        @Bean
        OkHttpClient okHttpClient() {
            return new OkHttpClient();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        /** No waiting: pacing itself is the coordination contract test's business. */
        @Bean
        SendPacer sendPacer() {
            return group -> Duration.ZERO;
        }

        @Bean
        InboundHandler inboundHandler() {
            return RecordingInboundHandler.silent();
        }
    }
}
