package cn.cdsw.tallybot.platform.onebot;

import java.time.Clock;
import java.time.Duration;

import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.InboundHandler;
import cn.cdsw.tallybot.platform.ReplyRouting;
import cn.cdsw.tallybot.platform.SendPacer;
import cn.cdsw.tallybot.testing.LogCapture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class OneBotConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(Infrastructure.class, OneBotConfiguration.class, OneBotWebhookController.class);

    @RegisterExtension
    final LogCapture log = LogCapture.of(OneBotConfiguration.class);

    /** Spring's WARN on the cancelled refresh; the test asserts the failure itself. */
    @RegisterExtension
    final LogCapture refresh = LogCapture.quieting(AnnotationConfigApplicationContext.class.getName());

    @Test
    void withoutApiUrlRepliesQuicklyAndHasNoSender() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(OneBotInbound.class)
                .hasSingleBean(OneBotVerifier.class)
                .hasSingleBean(OneBotWebhookController.class)
                .doesNotHaveBean(ChatSender.class)
                .doesNotHaveBean(OneBotApiReplies.class);
        });
    }

    @Test
    void withoutASecretSaysOnceAtStartUpThatEventsAreAcceptedUnsigned() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(log.warnings())
                .containsExactly("TALLYBOT_ONEBOT_SECRET is not set: only OneBot events from this machine are "
                        + "accepted; set the secret (NapCat: the HTTP client's token) to take events from elsewhere");
        });
    }

    @Test
    void withASecretStartsWithoutAWarning() {
        runner.withPropertyValues("tallybot.onebot.secret=onebot-secret").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(OneBotVerifier.class).requiresSignature()).isTrue();
            assertThat(log.warnings()).isEmpty();
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
            assertThat(context).hasBean("oneBotInbound").hasBean("oneBotVerifier");
            assertThat(context.getBean(ReplyRouting.class).throughApi("onebot"))
                .as("quick replies: nothing for the core to queue")
                .isFalse();
        });
    }

    @Test
    void inApiModeTheCoreIsToldToQueueOneBotReplies() {
        runner.withPropertyValues("tallybot.onebot.api-url=http://127.0.0.1:3000", "tallybot.onebot.reply-mode=api")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(ReplyRouting.class).throughApi("onebot")).isTrue();
            });
    }

    @Test
    void apiModeWithoutApiUrlFailsAtStartUp() {
        runner.withPropertyValues("tallybot.onebot.reply-mode=API").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessage("tallybot.onebot.reply-mode=API needs tallybot.onebot.api-url (TALLYBOT_ONEBOT_API_URL)");
        });
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

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

    }

}
