package cn.cdsw.tallybot.api;

import static cn.cdsw.tallybot.api.OperatorPrincipalFilter.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Who the actuator sees as signed in: the holder of the admin token, and nobody while no token is set. */
class OperatorPrincipalFilterTests {

    @Test
    void theAdminTokenSignsTheOperatorIn() throws Exception {
        assertThat(principalSeenWith(new ApiProperties("s3cret"), "Bearer s3cret")).isEqualTo(OPERATOR);
        assertThat(principalSeenWith(new ApiProperties("s3cret"), "bearer  s3cret ")).isEqualTo(OPERATOR);
    }

    @Test
    void aWrongOrMissingTokenSignsNobodyIn() throws Exception {
        assertThat(principalSeenWith(new ApiProperties("s3cret"), "Bearer s3cre")).isNull();
        assertThat(principalSeenWith(new ApiProperties("s3cret"), "Basic czNjcmV0")).isNull();
        assertThat(principalSeenWith(new ApiProperties("s3cret"), null)).isNull();
    }

    @Test
    void withoutAConfiguredTokenNobodyIsSignedIn() throws Exception {
        assertThat(principalSeenWith(new ApiProperties(null), "Bearer ")).isNull();
        assertThat(principalSeenWith(new ApiProperties(" "), "Bearer  ")).isNull();
    }

    private static @Nullable Principal principalSeenWith(ApiProperties properties, @Nullable String authorization)
            throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        AtomicReference<@Nullable Principal> seen = new AtomicReference<>();
        new OperatorPrincipalFilter(properties).doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set(((HttpServletRequest) req).getUserPrincipal()));
        return seen.get();
    }
}
