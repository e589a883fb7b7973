package cn.cdsw.tallybot.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed-in coordinators of the desk. A session is a random id in an HttpOnly,
 * SameSite=Lax cookie (Secure when the public address is https); the database keeps its
 * digest, its owner, its CSRF value and when it ends. Kept in the shared database rather
 * than in a replica's memory, a session survives a restart and works on every replica
 * behind a load balancer; ending it is deleting the row.
 */
@Service
public class DeskSessions {

    /** The cookie's name. */
    public static final String COOKIE = "tallybot_desk";

    private final DeskSessionRepository repository;

    private final WebProperties properties;

    private final Clock clock;

    DeskSessions(DeskSessionRepository repository, WebProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new session for {@code coordinator}, and the cookie that carries it. */
    @Transactional
    public ResponseCookie start(Coordinator coordinator) {
        Instant now = clock.instant();
        repository.deleteExpired(now);
        String id = Secrets.fresh();
        repository.insert(Secrets.digest(id), coordinator, Secrets.fresh(), now, now.plus(properties.sessionTtl()));
        return cookie(id, properties.sessionTtl());
    }

    /** The session the request's cookie names, while it lasts. */
    public Optional<DeskSession> of(HttpServletRequest request) {
        String id = cookieValue(request);
        if (id == null || !Secrets.wellFormed(id)) {
            return Optional.empty();
        }
        return repository.find(Secrets.digest(id), clock.instant());
    }

    /** Whether the request comes from a signed-in coordinator. */
    public boolean signedIn(HttpServletRequest request) {
        return of(request).isPresent();
    }

    /** Ends the request's session; the cookie that clears it from the browser. */
    public ResponseCookie end(HttpServletRequest request) {
        String id = cookieValue(request);
        if (id != null && Secrets.wellFormed(id)) {
            repository.delete(Secrets.digest(id));
        }
        return cookie("", Duration.ZERO);
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
            .httpOnly(true)
            .secure(properties.secureCookie())
            .sameSite("Lax")
            .path("/")
            .maxAge(maxAge)
            .build();
    }

    private static @Nullable String cookieValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** A signed-in coordinator, the CSRF value of the session and when it ends. */
    public record DeskSession(Coordinator coordinator, String csrf, Instant expiresAt) {
    }

}
