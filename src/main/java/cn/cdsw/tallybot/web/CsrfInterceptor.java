package cn.cdsw.tallybot.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every request of the desk that changes something (anything but GET, HEAD, OPTIONS) must
 * come from a signed-in session and carry that session's CSRF value, as the form field
 * {@code _csrf} or the header {@code X-CSRF-Token}; otherwise it is a 403 and nothing
 * happens. The SameSite=Lax cookie already keeps other sites' posts from carrying the
 * session; this check does not rely on every browser honouring it.
 */
class CsrfInterceptor implements HandlerInterceptor {

    static final String FIELD = "_csrf";

    static final String HEADER = "X-CSRF-Token";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final DeskSessions sessions;

    CsrfInterceptor(DeskSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (SAFE.contains(request.getMethod())) {
            return true;
        }
        String offered = request.getHeader(HEADER);
        if (offered == null) {
            offered = request.getParameter(FIELD);
        }
        String sent = offered;
        boolean valid = sent != null
                && sessions.of(request).map(session -> Secrets.same(session.csrf(), sent)).orElse(false);
        if (!valid) {
            HttpStatus status = HttpStatus.FORBIDDEN;
            throw new ErrorResponseException(status,
                    ProblemDetail.forStatusAndDetail(status, "missing or wrong CSRF token, or not signed in"), null);
        }
        return true;
    }

}
