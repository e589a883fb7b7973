package cn.cdsw.tallybot.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards {@code /api/**} with {@code Authorization: Bearer <tallybot.api.token>}. While
 * no token is set the API answers 404 "admin API disabled", so an unconfigured deployment
 * looks as if it had no admin API rather than inviting token guessing.
 */
class ApiTokenInterceptor implements HandlerInterceptor {

    private final BearerToken token;

    ApiTokenInterceptor(ApiProperties properties) {
        this.token = new BearerToken(properties);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
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
