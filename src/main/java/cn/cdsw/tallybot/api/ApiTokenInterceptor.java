package cn.cdsw.tallybot.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards {@code /api/**} with {@code Authorization: Bearer <tallybot.api.token>}. While no token is set the API
 * answers 404 "admin API disabled", so an unconfigured deployment looks as if it had no admin API rather than
 * inviting token guessing. Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, which
 * takes the same time whatever the content or length of the offered token.
 */
class ApiTokenInterceptor implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final byte @Nullable [] expectedDigest;

    ApiTokenInterceptor(ApiProperties properties) {
        String token = properties.token();
        this.expectedDigest = token == null || token.isBlank() ? null : sha256(token);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (expectedDigest == null) {
            throw problem(HttpStatus.NOT_FOUND, "admin API disabled");
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !MessageDigest.isEqual(expectedDigest, sha256(header.substring(BEARER.length()).trim()))) {
            ErrorResponseException unauthorized = problem(HttpStatus.UNAUTHORIZED, "missing or wrong bearer token");
            unauthorized.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            throw unauthorized;
        }
        return true;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }
}
