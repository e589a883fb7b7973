package cn.cdsw.tallybot.api;

import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

import cn.cdsw.tallybot.web.DeskSessions;

/**
 * Guards {@code /api/**} with {@code Authorization: Bearer <tallybot.api.token>}. While
 * no token is set the API answers 404 "admin API disabled", so an unconfigured deployment
 * looks as if it had no admin API rather than inviting token guessing. One path takes a
 * signed-in coordinator of the web desk as well: reading the ledger export
 * ({@link #EXPORT}, GET only, so a session never changes anything through the API and
 * needs no CSRF value here), which the desk's download button links to.
 */
class ApiTokenInterceptor implements HandlerInterceptor {

    static final String EXPORT = "/api/v1/export";

    private final BearerToken token;

    private final Predicate<HttpServletRequest> signedIn;

    /**
     * @param signedIn whether a request comes from a signed-in coordinator of the desk
     * ({@link DeskSessions#signedIn})
     */
    ApiTokenInterceptor(ApiProperties properties, Predicate<HttpServletRequest> signedIn) {
        this.token = new BearerToken(properties);
        this.signedIn = signedIn;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (EXPORT.equals(request.getRequestURI()) && "GET".equals(request.getMethod()) && signedIn.test(request)) {
            return true;
        }
        if (!token.configured()) {
            throw problem(HttpStatus.NOT_FOUND, "admin API disabled");
        }
        if (!token.matches(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            ErrorResponseException unauthorized = problem(HttpStatus.UNAUTHORIZED, "missing or wrong bearer token");
            unauthorized.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            throw unauthorized;
        }
        return true;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

}
