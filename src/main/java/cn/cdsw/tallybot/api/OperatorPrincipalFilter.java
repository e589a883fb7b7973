package cn.cdsw.tallybot.api;

import java.io.IOException;
import java.security.Principal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the holder of the admin token a signed-in user of the actuator, so that
 * {@code management.endpoint.health.show-details: when-authorized} works without Spring Security: the actuator asks
 * the servlet request for its user principal, and this filter supplies one when the request carries
 * {@code Authorization: Bearer <tallybot.api.token>}. A request without it, or with a wrong token, is passed on
 * untouched and still gets the health status, so a load balancer or the container health check needs no token.
 */
final class OperatorPrincipalFilter extends OncePerRequestFilter {

    static final Principal OPERATOR = () -> "operator";

    private final BearerToken token;

    OperatorPrincipalFilter(ApiProperties properties) {
        this.token = new BearerToken(properties);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token.matches(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            chain.doFilter(new OperatorRequest(request), response);
        } else {
            chain.doFilter(request, response);
        }
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
