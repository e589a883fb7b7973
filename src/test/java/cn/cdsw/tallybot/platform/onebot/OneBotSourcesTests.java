package cn.cdsw.tallybot.platform.onebot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.testing.LogCapture;

/**
 * Without a secret only this machine may post events, unless the operator explicitly opts
 * out.
 */
class OneBotSourcesTests {

    @RegisterExtension
    final LogCapture log = LogCapture.of(OneBotSources.class);

    @Test
    void withoutASecretOnlyLoopbackClientsAreTaken() {
        OneBotSources sources = new OneBotSources(false, false);

        assertThat(sources.accepts("127.0.0.1")).isTrue();
        assertThat(sources.accepts("127.8.9.10")).isTrue();
        assertThat(sources.accepts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(sources.accepts("::1")).isTrue();
        assertThat(sources.accepts("10.0.0.5")).isFalse();
        assertThat(sources.accepts("192.168.1.20")).isFalse();
        assertThat(sources.accepts("fe80::1")).isFalse();
        assertThat(sources.accepts("localhost")).as("a name is never looked up").isFalse();
        assertThat(sources.accepts(null)).isFalse();
        assertThat(log.warnings()).as("the first refusal is logged, the next ones are counted").hasSize(1);
    }

    @Test
    void refusalsAreLoggedOnceAndThenSparingly() {
        OneBotSources sources = new OneBotSources(false, false);

        for (int i = 0; i < 1500; i++) {
            sources.accepts("10.0.0.5");
        }

        assertThat(log.warnings()).hasSize(2)
            .first()
            .asString()
            .startsWith("OneBot event from 10.0.0.5 refused: no TALLYBOT_ONEBOT_SECRET is set");
    }

    @Test
    void aSecretOrTheExplicitOptOutTakesEveryAddress() {
        assertThat(new OneBotSources(true, false).accepts("10.0.0.5")).isTrue();
        assertThat(new OneBotSources(false, true).accepts("10.0.0.5")).isTrue();
    }

    @Test
    void theWebhookAnswers403ToAnUnsignedEventFromElsewhere() throws Exception {
        RecordingInboundHandler handler = new RecordingInboundHandler(Reply.text("已记录"));
        WebhookMvc mvc = new WebhookMvc(new OneBotWebhookController(
                new OneBotInbound(65_536, new OneBotVerifier(null),
                        new OneBotEventMapper(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)), handler,
                        new OneBotQuickReplies(false,
                                new ReplyMetrics(new SimpleMeterRegistry(), OneBotProperties.ReplyMode.QUICK))),
                new OneBotSources(false, false), WebhookMvc.properties(null)));
        byte[] body = OneBotFixtures.bytes("group-message-array.json");

        mvc.perform(post("/webhook/onebot").contentType(MediaType.APPLICATION_JSON).content(body).with(request -> {
            request.setRemoteAddr("10.0.0.5");
            return request;
        }))
            .andExpect(status().isForbidden())
            // answered before the body is read: the connection closes rather than drain
            // the body on a thread
            .andExpect(header().string("Connection", "close"));
        mvc.perform(post("/webhook/onebot").contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isOk());

        assertThat(handler.messages).hasSize(1);
        assertThat(log.warnings()).hasSize(1);
    }

}
