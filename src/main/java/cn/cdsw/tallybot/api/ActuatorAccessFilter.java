package cn.cdsw.tallybot.api;

import java.io.IOException;
import java.security.Principal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.cdsw.tallybot.platform.LoopbackAddress;

/**
 * Who may see what of the actuator (docs/operations.md §1), without Spring Security.
 *
 * <ul>
 * <li>{@code /actuator/health} and its probe groups answer everyone with the status,
 * because the Docker {@code HEALTHCHECK}, load balancers and orchestrators need it and
 * carry no token. The holder of the admin token
 * ({@code Authorization: Bearer <tallybot.api.token>}) becomes a signed-in user, which is
 * what {@code management.endpoint.health.show-details: when-authorized} asks of the
 * servlet request before it shows the components.</li>
 * <li>Everything else ({@code prometheus}, {@code info}, the {@code /actuator} index, and
 * whatever is exposed later) is for operators: traffic volumes and the build are
 * reconnaissance. With a token configured it takes the token (401 otherwise, the scraper
 * sends it as {@code authorization: credentials}); without one, only a client on this
 * machine, so a deployment that never set a token fails closed rather than open, as the
 * OneBot webhook does.</li>
 * </ul>
 * A request with a body is refused (413) whoever sends it: nothing exposed takes input,
 * and the actuator would read the body on the request thread.
 */
final class ActuatorAccessFilter extends OncePerRequestFilter {

    static final Principal OPERATOR = () -> "operator";

    private final BearerToken token;

    private final String basePath;

    private final @Nullable String healthPath;

    /**
     * @param basePath where the actuator's endpoints are ({@code /actuator}; {@code ""}
     * when they are at the root of their own port)
     * @param healthPath the health endpoint's path ({@code /actuator/health}), null when
     * it is not exposed
     */
    ActuatorAccessFilter(ApiProperties properties, String basePath, @Nullable String healthPath) {
        this.token = new BearerToken(properties);
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.healthPath = healthPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !under(path(request), basePath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            // The actuator reads a JSON body with a blocking read even for GET
            // /actuator/health, so a client
            // sending one slowly would hold a request thread; none of the exposed
            // endpoints takes input.
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "the actuator takes no request body", request);
        }
        else if (token.matches(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            chain.doFilter(new OperatorRequest(request), response);
        }
        else if ((healthPath != null && under(path(request), healthPath))
                || (!token.configured() && LoopbackAddress.is(request.getRemoteAddr()))) {
            chain.doFilter(request, response);
        }
        else if (token.configured()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "missing or wrong bearer token", request);
        }
        else {
            Problems.write(response, HttpStatus.FORBIDDEN,
                    "without TALLYBOT_API_TOKEN only this machine may read the actuator", request);
        }
    }

    /**
     * The servlet path, unlike the request URI, is decoded and normalised, without path
     * parameters: the same path the endpoint is found by, so
     * {@code /actuator/health;x/../prometheus} is not mistaken for health.
     */
    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static final class OperatorRequest extends HttpServletRequestWrapper {

        OperatorRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return OPERATOR;
        }

        @Override
        public String getRemoteUser() {
            return OPERATOR.getName();
        }

    }

}
