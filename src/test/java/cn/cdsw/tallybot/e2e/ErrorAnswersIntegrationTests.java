package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.testing.LogCapture;

/**
 * Bad input at the HTTP edge gets a 4xx {@code ProblemDetail}, never a 5xx, never an HTML
 * page, and never the server's insides: the probe's cases (the error page itself, dates
 * far out, huge ids, unknown paths, wrong methods, undecodable query strings and paths)
 * against the real server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorAnswersIntegrationTests extends WebhookTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Tomcat logs what escapes a servlet, with its stack trace: nothing should here. */
    @RegisterExtension
    final LogCapture log = LogCapture.named("org.apache.catalina");

    /** The verifier says why it refused an event (package-private, so named). */
    @RegisterExtension
    final LogCapture verifier = LogCapture.named("cn.cdsw.tallybot.platform.onebot.OneBotVerifier");

    @Test
    void theErrorPageItselfIsNotThere() {
        JsonNode problem = problem(bot.get("/error", null), 404);

        assertThat(problem.get("instance").asString()).isEqualTo("/error");
    }

    @Test
    void anUnknownPathOrAWrongMethodIsAProblem() {
        assertThat(problem(bot.get("/no/such/path", null), 404).get("instance").asString()).isEqualTo("/no/such/path");
        assertThat(problem(bot.get("/api/v1/no/such/path", TOKEN), 404).get("detail").asString()).contains("/api/v1");
        assertThat(problem(bot.get("/webhook/onebot", null), 405).get("detail").asString())
            .isEqualTo("this path does not take this method");
        problem(raw("DELETE /api/v1/records HTTP/1.1", TOKEN), 405);
        problem(raw("PUT /actuator/health HTTP/1.1", null), 405);
        assertThat(log.errors()).isEmpty();
        // a line per refused request would let a scanner fill the log
        assertThat(LoggerFactory.getLogger(DefaultHandlerExceptionResolver.class).isWarnEnabled()).isFalse();
    }

    @Test
    void dateParametersFarOutAreA400NamingTheParameter() {
        assertThat(problem(raw("POST /api/v1/summary?date=-999999999-01-01 HTTP/1.1", TOKEN), 400).get("parameter")
            .asString()).isEqualTo("date");
        assertThat(problem(raw("POST /api/v1/summary?date=%2B999999999-12-31 HTTP/1.1", TOKEN), 400).get("parameter")
            .asString()).isEqualTo("date");
        assertThat(problem(bot.get("/api/v1/records?from=-999999999-01-01", TOKEN), 400).get("detail").asString())
            .startsWith("from must be a date from 2000-01-01 to ");
        assertThat(problem(bot.get("/api/v1/records?to=%2B999999999-12-31", TOKEN), 400).get("parameter").asString())
            .isEqualTo("to");
        // this one looped for ever over rollup months, holding SQLite's only connection
        assertThat(problem(bot.get("/api/v1/totals?from=-999999999-01-01", TOKEN), 400).get("parameter").asString())
            .isEqualTo("from");
        assertThat(problem(bot.get("/api/v1/totals?from=1999-12-31&to=2000-01-01", TOKEN), 400).get("parameter")
            .asString()).isEqualTo("from");
        assertThat(problem(bot.get("/api/v1/totals?to=9999-12-31", TOKEN), 400).get("parameter").asString())
            .isEqualTo("to");
        assertThat(bot.get("/api/v1/totals?from=2000-01-01&to=2026-11-29", TOKEN).status()).isEqualTo(200);
        assertThat(problem(bot.get("/api/v1/totals?from=-999999999-01-01&to=2026-01-01", TOKEN), 400).get("detail")
            .asString()).startsWith("from must be a date from 2000-01-01 to ");
    }

    @Test
    void anEventTimeBeyondJavasDatesIsNoServerError() {
        String event = new String(OneBotEvents.groupMessage(GROUP, 77001, 10001, "member", "#统计 今天", clock.instant()),
                StandardCharsets.UTF_8);
        String time = "\"time\":" + clock.instant().getEpochSecond();
        assertThat(event).contains(time);

        for (String far : new String[] { "9e18", "9000000000000000000", "-9000000000000000000", "9.3e18",
                "99999999999999999999999", "-9223372036854775808" }) {
            WebhookClient.Answer answer = bot.post(OneBotEvents
                .raw(event.replace(time, "\"time\":" + far).replace("77001", String.valueOf(nextId()))));
            assertThat(answer.status()).as(far + ": " + answer.body()).isIn(200, 204, 400);
            if (answer.status() == 400) {
                problem(answer, 400);
            }
        }
        assertThat(log.errors()).isEmpty();
    }

    @Test
    void hugeAndNegativeIdsAreA400AndA404() {
        assertThat(problem(bot.get("/api/v1/records/99999999999999999999", TOKEN), 400).get("parameter").asString())
            .isEqualTo("id");
        problem(bot.get("/api/v1/records/-1", TOKEN), 404);
        problem(bot.get("/api/v1/records/9223372036854775807", TOKEN), 404);
    }

    @Test
    void anUndecodableQueryStringIsA400AndNoErrorInTheLog() {
        JsonNode problem = problem(raw("GET /api/v1/records?from=%ZZ HTTP/1.1", TOKEN), 400);

        assertThat(problem.get("detail").asString()).startsWith("the query string could not be read");
        assertThat(log.errors()).isEmpty();
    }

    @Test
    void aPathTomcatRefusesIsAProblemNotAnHtmlPage() {
        problem(raw("GET /api/v1/records/%2F HTTP/1.1", TOKEN), 400);
        problem(raw("GET /x%00y HTTP/1.1", null), 400);
    }

    @Test
    void aRefusedWebhookEventIsAProblem() {
        WebhookClient.Answer forged = bot.post(OneBotEvents.heartbeat(clock.instant()), "sha1=00");

        assertThat(problem(forged, 401).get("detail").asString()).startsWith("X-Signature is missing");
        assertThat(problem(bot.post(OneBotEvents.raw("{\"post_type\":")), 400).get("detail").asString())
            .startsWith("not a OneBot event object");
        assertThat(verifier.warnings()).containsExactly("OneBot event refused: X-Signature malformed");
    }

    /**
     * Checks the answer is a problem with this status that tells nothing of the server's
     * insides; its JSON.
     */
    private static JsonNode problem(WebhookClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).doesNotContain("Exception", "java.", "springframework", "tomcat", "Tomcat", "\tat ",
                "trace", "<html");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }

    /**
     * A request sent as written, for what an HTTP client library would encode or refuse
     * to send; the answer read to the end of its body (the server closes or sends
     * Content-Length; chunked answers are de-chunked crudely).
     */
    private WebhookClient.Answer raw(String requestLine, @Nullable String token) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            String head = requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (response.toLowerCase().contains("transfer-encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
            }
            return new WebhookClient.Answer(status, body);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
