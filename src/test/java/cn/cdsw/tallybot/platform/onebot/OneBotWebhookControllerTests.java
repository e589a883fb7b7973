package cn.cdsw.tallybot.platform.onebot;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.testing.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OneBotWebhookControllerTests {

    private static final String SECRET = "onebot-secret";

    private final RecordingInboundHandler handler = new RecordingInboundHandler(Reply.text("已记录"));

    private final WebhookMvc mvc = new WebhookMvc(new OneBotWebhookController(
            new OneBotInbound(65_536, new OneBotVerifier(SECRET),
                    new OneBotEventMapper(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)), handler,
                    new OneBotQuickReplies(false,
                            new ReplyMetrics(new SimpleMeterRegistry(), OneBotProperties.ReplyMode.QUICK))),
            new OneBotSources(true, false), WebhookMvc.properties(SECRET)));

    @RegisterExtension
    final LogCapture log = LogCapture.of(OneBotVerifier.class);

    @Test
    void answersAGroupMessageWithTheQuickOperationAsJson() throws Exception {
        byte[] body = OneBotFixtures.bytes("group-message-array.json");

        mvc.perform(post("/webhook/onebot").contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .header("X-Signature", OneBotSigner.sign(SECRET, body)))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(
                    content().bytes("{\"reply\":[{\"type\":\"text\",\"data\":{\"text\":\"已记录\"}}],\"at_sender\":false}"
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void answersAHeartbeatWith204() throws Exception {
        byte[] body = OneBotFixtures.bytes("heartbeat.json");

        mvc.perform(post("/webhook/onebot").contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .header("X-Signature", OneBotSigner.sign(SECRET, body))).andExpect(status().isNoContent());
    }

    @Test
    void answersAMissingSignatureWith401() throws Exception {
        mvc.perform(post("/webhook/onebot").contentType(MediaType.APPLICATION_JSON)
            .content(OneBotFixtures.bytes("group-message-array.json"))).andExpect(status().isUnauthorized());
        assertThat(handler.untouched()).isTrue();
        assertThat(log.warnings()).containsExactly("OneBot event refused: X-Signature missing");
    }

    @Test
    void aRefusalIsAProblemDetailThatEchoesNeitherBodyNorSignature() throws Exception {
        byte[] body = OneBotFixtures.bytes("group-message-array.json");

        String problem = mvc
            .perform(post("/webhook/onebot").contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .header("X-Signature", "sha1=0123456789abcdef0123456789abcdef01234567"))
            .andExpect(status().isUnauthorized())
            .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

        JSONAssert.assertEquals("""
                {"status":401,"title":"Unauthorized","instance":"/webhook/onebot",
                 "detail":"X-Signature is missing, or not the HMAC-SHA1 of the body with the configured secret"}""",
                problem, JSONCompareMode.STRICT);
        log.warnings();
    }

    @Test
    void answersMalformedJsonWith400() throws Exception {
        byte[] body = "{\"post_type\":".getBytes(StandardCharsets.UTF_8);

        mvc.perform(post("/webhook/onebot").contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .header("X-Signature", OneBotSigner.sign(SECRET, body))).andExpect(status().isBadRequest());
    }

    @Test
    void answersAnEmptyBodyWith400NotAServerError() throws Exception {
        byte[] body = new byte[0];

        mvc.perform(post("/webhook/onebot").header("X-Signature", OneBotSigner.sign(SECRET, body)))
            .andExpect(status().isBadRequest());
    }

    @Test
    void answersAnOversizedBodyWith413() throws Exception {
        byte[] body = new byte[70_000];

        mvc.perform(post("/webhook/onebot").contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .header("X-Signature", OneBotSigner.sign(SECRET, body))).andExpect(status().isContentTooLarge());
        assertThat(handler.untouched()).isTrue();
    }

    @Test
    void answersAnOversizedChunkedBodyWithoutContentLengthWith413() throws Exception {
        byte[] body = new byte[70_000];

        mvc.perform(post("/webhook/onebot").content(body).with(chunked(OneBotSigner.sign(SECRET, body))))
            .andExpect(status().isContentTooLarge());
        assertThat(handler.untouched()).isTrue();
    }

    @Test
    void answersABodyTheClientBreaksOffWith400() throws Exception {
        byte[] body = OneBotFixtures.bytes("group-message-array.json");

        mvc.performBrokenOffAfter(100,
                post("/webhook/onebot").contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .header("X-Signature", OneBotSigner.sign(SECRET, body)))
            .andExpect(status().isBadRequest());
        assertThat(handler.untouched()).isTrue();
    }

    @Test
    void closesTheConnectionWhenItAnswersBeforeReadingTheBody() throws Exception {
        byte[] body = new byte[70_000];

        mvc.perform(post("/webhook/onebot").contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isContentTooLarge())
            .andExpect(header().string("Connection", "close"));
        mvc.perform(post("/webhook/onebot").content(body).with(chunked(OneBotSigner.sign(SECRET, body))))
            .andExpect(status().isContentTooLarge())
            .andExpect(header().string("Connection", "close"));
    }

    @Test
    void keepsTheConnectionAfterReadingTheWholeBody() throws Exception {
        byte[] body = OneBotFixtures.bytes("heartbeat.json");

        mvc.perform(post("/webhook/onebot").contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .header("X-Signature", OneBotSigner.sign(SECRET, body)))
            .andExpect(status().isNoContent())
            .andExpect(header().doesNotExist("Connection"));
    }

    @Test
    void acceptsAChunkedBodyWithinTheLimit() throws Exception {
        byte[] body = OneBotFixtures.bytes("group-recall.json");

        mvc.perform(post("/webhook/onebot").content(body).with(chunked(OneBotSigner.sign(SECRET, body))))
            .andExpect(status().isNoContent());
        assertThat(handler.recalls).hasSize(1);
    }

    /**
     * Replaces the request by one that reports no Content-Length, as a servlet container
     * does for {@code Transfer-Encoding: chunked}, so only the bounded read can enforce
     * the limit.
     */
    private static RequestPostProcessor chunked(String signature) {
        return original -> {
            MockHttpServletRequest request = new MockHttpServletRequest(original.getServletContext(), "POST",
                    original.getRequestURI()) {
                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }
            };
            request.setContent(original.getContentAsByteArray());
            request.setContentType(MediaType.APPLICATION_JSON_VALUE);
            request.addHeader("Transfer-Encoding", "chunked");
            request.addHeader("X-Signature", signature);
            assertThat(request.getContentLengthLong()).isEqualTo(-1);
            return request;
        };
    }

}
