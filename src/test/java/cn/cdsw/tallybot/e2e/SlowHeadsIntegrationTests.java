package cn.cdsw.tallybot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that trickle their request <em>head</em> — the request line and headers, a byte
 * every two seconds, as a slowloris attack does — hold connections but no request thread:
 * Tomcat's NIO connector reads heads without one. Here 220 such clients (more than
 * Tomcat's default of 200 request threads, and far more than the four this server has)
 * are connected and still sending while a signed report and the health check are
 * answered. Each byte comes well within {@code server.tomcat.connection-timeout} (10 s),
 * so none is cut off for idling meanwhile; what bounds them is {@code max-connections}
 * (docs/operations.md §6).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.tomcat.threads.max=4", "server.tomcat.threads.min-spare=1" })
class SlowHeadsIntegrationTests extends WebhookTestBase {

    private static final int SLOW_HEADS = 220;

    private static final byte[] HEAD = ("GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
            + "x".repeat(4000) + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);

    private final List<Trickle> slow = new ArrayList<>();

    private final ScheduledExecutorService dripper = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        dripper.shutdownNow();
        slow.forEach(Trickle::close);
    }

    @Test
    void slowRequestHeadsStarveNeitherTheWebhookNorTheHealthCheck() throws IOException {
        for (int i = 0; i < SLOW_HEADS; i++) {
            slow.add(new Trickle(new Socket("127.0.0.1", port)));
        }
        dripper.scheduleWithFixedDelay(() -> slow.forEach(Trickle::drip), 0, 2, TimeUnit.SECONDS);

        WebhookClient.Answer report = say(30101, "#上报 锦江区 三圣街道社工站 走访3户");
        WebhookClient.Answer health = bot.get("/actuator/health", null);
        WebhookClient.Answer more = say(30102, "#上报 锦江区 三圣街道社工站 走访4户");

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.replyText()).startsWith("✅ 已记录");
        assertThat(health.status()).isEqualTo(200);
        assertThat(more.status()).isEqualTo(200);
        assertThat(slow).as("every slow head was still connected and sending meanwhile")
            .allMatch(Trickle::connected)
            .noneMatch(Trickle::answered);
    }

    /** One client sending {@link #HEAD} a byte at a time. */
    private static final class Trickle {

        private final Socket socket;

        private int sent;

        private boolean failed;

        Trickle(Socket socket) {
            this.socket = socket;
        }

        synchronized void drip() {
            if (failed || sent >= HEAD.length - 1) {
                return;
            }
            try {
                OutputStream out = socket.getOutputStream();
                out.write(HEAD[sent++]);
                out.flush();
            }
            catch (IOException e) {
                failed = true;
            }
        }

        synchronized boolean connected() {
            return !failed && !socket.isClosed();
        }

        synchronized boolean answered() {
            try {
                InputStream in = socket.getInputStream();
                return in.available() > 0;
            }
            catch (IOException e) {
                return true;
            }
        }

        synchronized void close() {
            try {
                socket.close();
            }
            catch (IOException e) {
                // closing a test's socket
            }
        }

    }

}
