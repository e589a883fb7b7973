package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code management.server.port} the actuator has a server of its own, which sees
 * none of the application's filters: the same access rule must hold there, or the meters
 * and the build would be open on that port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ActuatorOnManagementPortIntegrationTests {

    private static final String TOKEN = "management-token";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-management-port"));
        registry.add("tallybot.api.token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private WebhookClient management;

    @BeforeEach
    void connect() {
        assertThat(managementPort).isNotEqualTo(port);
        management = new WebhookClient(managementPort, "unused", TOKEN);
    }

    @Test
    void prometheusAndInfoTakeTheTokenOnTheManagementPortToo() {
        assertThat(management.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(management.get("/actuator/info", "wrong").status()).isEqualTo(401);
        assertThat(management.get("/actuator/prometheus", TOKEN).body()).contains("tallybot_reports_stored_total");
    }

    @Test
    void healthStaysOpenAndShowsDetailsOnlyWithTheToken() {
        assertThat(management.get("/actuator/health", null).body()).contains("\"status\":\"UP\"")
            .doesNotContain("components");
        assertThat(management.get("/actuator/health", TOKEN).body()).contains("components");
    }

}
