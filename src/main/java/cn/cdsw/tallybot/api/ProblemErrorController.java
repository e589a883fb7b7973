package cn.cdsw.tallybot.api;

import java.net.URI;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's error page, in place of Spring Boot's: every error the servlet
 * container routes here (an unknown path, a wrong method, a request Tomcat could not
 * read, an exception no handler took) is answered as an RFC 9457 {@code ProblemDetail}
 * with the original status, like the admin API's own errors, and without the exception's
 * class, message or trace. Boot's page answered {@code GET /error} itself with a 500
 * (there is no error then, so it had no status to copy); here a request for the page
 * itself is a 404, since nothing lives at that path.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getDispatcherType() != DispatcherType.ERROR || !(code instanceof Integer status) || status < 400
                || status > 599) {
            return problem(HttpStatus.NOT_FOUND, request.getRequestURI());
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return problem(HttpStatusCode.valueOf(status), uri instanceof String path ? path : null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, @Nullable String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Problems.detail(status));
        URI instance = instance(path);
        if (instance != null) {
            problem.setInstance(instance);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The request's path as the problem's instance, unless it is no valid URI reference.
     */
    private static @Nullable URI instance(@Nullable String path) {
        if (path == null) {
            return null;
        }
        try {
            return URI.create(path);
        }
        catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

}
