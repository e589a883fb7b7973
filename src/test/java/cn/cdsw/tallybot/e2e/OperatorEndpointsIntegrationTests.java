package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator and a load balancer see of the actuator: the health status for
 * everyone, its components only with the admin token, and the meters and the build (and,
 * in a git clone, the commit) only with the token too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorEndpointsIntegrationTests extends WebhookTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void healthShowsOnlyTheStatusWithoutTheToken() {
        WebhookClient.Answer anonymous = bot.get("/actuator/health", null);

        assertThat(anonymous.status()).isEqualTo(200);
        JsonNode health = JSON.readTree(anonymous.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
    }

    @Test
    void healthShowsNoMoreForAWrongToken() {
        WebhookClient.Answer wrong = bot.get("/actuator/health", "not-the-token");

        assertThat(wrong.status()).isEqualTo(200);
        assertThat(JSON.readTree(wrong.body()).has("components")).isFalse();
    }

    @Test
    void healthShowsTheComponentsWithTheAdminToken() {
        WebhookClient.Answer operator = bot.get("/actuator/health", TOKEN);

        assertThat(operator.status()).isEqualTo(200);
        JsonNode components = JSON.readTree(operator.body()).get("components");
        assertThat(components).isNotNull();
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("db").get("details").get("database").asString()).isEqualTo("SQLite");
    }

    @Test
    void prometheusTakesTheAdminToken() {
        WebhookClient.Answer operator = bot.get("/actuator/prometheus", TOKEN);

        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.body()).contains("tallybot_reports_stored_total");
    }

    @Test
    void prometheusInfoAndTheIndexRefuseAMissingOrWrongTokenEvenFromThisMachine() {
        for (String path : new String[] { "/actuator/prometheus", "/actuator/info", "/actuator",
                "/actuator/prometheus;x=1", "/actuator/health/../prometheus" }) {
            for (String token : new String[] { null, "not-the-token" }) {
                WebhookClient.Answer refused = bot.get(path, token);

                assertThat(refused.status()).as(path).isEqualTo(401);
                JsonNode problem = JSON.readTree(refused.body());
                assertThat(problem.get("detail").asString()).isEqualTo("missing or wrong bearer token");
                assertThat(refused.body()).doesNotContain("tallybot_", "build");
            }
        }
    }

    @Test
    void infoShowsTheBuildAndTheCommitWhenTheBuildHadOne() {
        WebhookClient.Answer answer = bot.get("/actuator/info", TOKEN);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode info = JSON.readTree(answer.body());
        assertThat(info.get("build").get("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.get("build").get("artifact").asString()).isEqualTo("tallybot");
        // git.properties is written only when the build ran in a git clone (not in
        // Docker, not in a worktree)
        if (new ClassPathResource("git.properties").exists()) {
            assertThat(info.get("git").get("commit").get("id").asString()).isNotBlank();
            assertThat(info.get("git").get("branch").asString()).isNotBlank();
        }
        else {
            assertThat(info.has("git")).isFalse();
        }
    }

}
