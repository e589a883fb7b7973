package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A deployment that never set {@code TALLYBOT_API_TOKEN}: the meters and the build are
 * for this machine only (the test client is on loopback; a client elsewhere gets 403, see
 * {@code ActuatorAccessFilterTests}), and nobody sees the health details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorWithoutTokenIntegrationTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-no-token"));
    }

    @LocalServerPort
    int port;

    private WebhookClient client;

    @BeforeEach
    void connect() {
        client = new WebhookClient(port, "unused", "unused");
    }

    @Test
    void thisMachineReadsPrometheusAndInfoWithoutAToken() {
        assertThat(client.get("/actuator/prometheus", null).status()).isEqualTo(200);
        assertThat(client.get("/actuator/prometheus", null).body()).contains("tallybot_reports_stored_total");
        assertThat(client.get("/actuator/info", null).body()).contains("\"artifact\":\"tallybot\"");
    }

    @Test
    void healthShowsOnlyItsStatusToEveryone() {
        WebhookClient.Answer health = client.get("/actuator/health", "anything");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");
    }

}
