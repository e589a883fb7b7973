package cn.cdsw.tallybot.api;

import static cn.cdsw.tallybot.api.ActuatorAccessFilter.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Who sees what of the actuator: the health status everyone, its details the holder of
 * the admin token, and the rest (prometheus, info) the token's holder, or while no token
 * is set, only this machine.
 */
class ActuatorAccessFilterTests {

    private static final ApiProperties TOKEN = new ApiProperties("s3cret");

    private static final ApiProperties NO_TOKEN = new ApiProperties(null);

    private static final String LOCAL = "127.0.0.1";

    private static final String REMOTE = "10.0.0.5";

    @Test
    void theAdminTokenSignsTheOperatorIn() throws Exception {
        assertThat(seen(TOKEN, "/actuator/health", REMOTE, "Bearer s3cret").principal()).isEqualTo(OPERATOR);
        assertThat(seen(TOKEN, "/actuator/health", REMOTE, "bearer  s3cret ").principal()).isEqualTo(OPERATOR);
    }

    @Test
    void healthAnswersEveryoneButSignsInOnlyTheTokensHolder() throws Exception {
        for (String authorization : new String[] { "Bearer s3cre", "Basic czNjcmV0", null }) {
            Seen seen = seen(TOKEN, "/actuator/health", REMOTE, authorization);
            assertThat(seen.passed()).isTrue();
            assertThat(seen.principal()).isNull();
        }
        assertThat(seen(TOKEN, "/actuator/health/liveness", REMOTE, null).passed()).isTrue();
        assertThat(seen(NO_TOKEN, "/actuator/health/readiness", REMOTE, null).passed()).isTrue();
    }

    @Test
    void withoutAConfiguredTokenNobodyIsSignedIn() throws Exception {
        assertThat(seen(NO_TOKEN, "/actuator/health", LOCAL, "Bearer ").principal()).isNull();
        assertThat(seen(new ApiProperties(" "), "/actuator/health", LOCAL, "Bearer  ").principal()).isNull();
    }

    @Test
    void prometheusAndInfoTakeTheTokenWhenOneIsSet() throws Exception {
        for (String path : new String[] { "/actuator/prometheus", "/actuator/info", "/actuator" }) {
            assertThat(seen(TOKEN, path, REMOTE, "Bearer s3cret").passed()).isTrue();
            assertThat(seen(TOKEN, path, LOCAL, null).status()).as(path + " from this machine").isEqualTo(401);
            assertThat(seen(TOKEN, path, REMOTE, "Bearer wrong").status()).isEqualTo(401);
        }
    }

    @Test
    void aRefusedScrapeIsA401ProblemThatAsksForTheBearerToken() throws Exception {
        MockHttpServletResponse response = seen(TOKEN, "/actuator/prometheus", REMOTE, null).response();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JSONAssert.assertEquals("""
                {"detail":"missing or wrong bearer token","instance":"/actuator/prometheus","status":401,
                 "title":"Unauthorized"}""", response.getContentAsString(), JSONCompareMode.STRICT);
    }

    @Test
    void withoutATokenOnlyThisMachineReadsPrometheusAndInfo() throws Exception {
        for (String path : new String[] { "/actuator/prometheus", "/actuator/info" }) {
            assertThat(seen(NO_TOKEN, path, LOCAL, null).passed()).isTrue();
            assertThat(seen(NO_TOKEN, path, "::1", null).passed()).isTrue();
            assertThat(seen(NO_TOKEN, path, REMOTE, null).status()).isEqualTo(403);
            assertThat(seen(NO_TOKEN, path, REMOTE, "Bearer ").status()).isEqualTo(403);
            assertThat(seen(NO_TOKEN, path, "localhost", null).status()).as("names are not looked up").isEqualTo(403);
        }
        assertThat(seen(NO_TOKEN, "/actuator/prometheus", REMOTE, null).response().getContentAsString())
            .contains("only this machine");
    }

    @Test
    void decidesOnTheNormalisedPathNotTheRequestUri() throws Exception {
        MockHttpServletRequest request = request("/actuator/prometheus", REMOTE, null);
        request.setRequestURI("/actuator/health;x=/../prometheus");

        assertThat(filter(TOKEN, request).status()).isEqualTo(401);
    }

    @Test
    void leavesEverythingOutsideTheActuatorAlone() throws Exception {
        assertThat(seen(NO_TOKEN, "/webhook/onebot", REMOTE, null).passed()).isTrue();
        assertThat(seen(TOKEN, "/api/v1/records", REMOTE, null).passed()).isTrue();
        assertThat(seen(TOKEN, "/actuatorx", REMOTE, null).passed()).isTrue();
    }

    @Test
    void refusesARequestBodyWhoeverSendsIt() throws Exception {
        MockHttpServletRequest request = request("/actuator/health", LOCAL, "Bearer s3cret");
        request.setContent("{\"slow\":".getBytes(StandardCharsets.UTF_8));
        MockHttpServletRequest chunked = request("/actuator/prometheus", LOCAL, "Bearer s3cret");
        chunked.addHeader("Transfer-Encoding", "chunked");

        assertThat(filter(TOKEN, request).status()).isEqualTo(413);
        assertThat(filter(TOKEN, chunked).status()).isEqualTo(413);
        assertThat(filter(TOKEN, request).passed()).isFalse();
    }

    private record Seen(boolean passed, @Nullable Principal principal, MockHttpServletResponse response) {

        int status() {
            return response.getStatus();
        }
    }

    private static Seen seen(ApiProperties properties, String path, String remoteAddress,
            @Nullable String authorization) throws ServletException, IOException {
        return filter(properties, request(path, remoteAddress, authorization));
    }

    private static MockHttpServletRequest request(String path, String remoteAddress, @Nullable String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        request.setRemoteAddr(remoteAddress);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    private static Seen filter(ApiProperties properties, MockHttpServletRequest request)
            throws ServletException, IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<@Nullable Principal> principal = new AtomicReference<>();
        AtomicReference<Boolean> passed = new AtomicReference<>(false);
        ActuatorAccessFilter filter = new ActuatorAccessFilter(properties, "/actuator", "/actuator/health");
        filter.doFilter(request, response, (req, res) -> {
            passed.set(true);
            principal.set(((HttpServletRequest) req).getUserPrincipal());
        });
        return new Seen(passed.get(), principal.get(), response);
    }

}
