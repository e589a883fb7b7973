package cn.cdsw.tallybot.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * RFC 9457 problems where Spring MVC's message converters are not at hand (a servlet
 * filter, a Tomcat valve), with the members in the order Spring MVC writes a
 * {@code ProblemDetail}, so every error of the application reads alike; and the detail
 * given for a status when nothing more specific is known.
 */
final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail, HttpServletRequest request)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(status.value(), detail, request.getRequestURI()));
    }

    /** The problem as JSON bytes; no detail or instance when null. */
    static byte[] json(int status, @Nullable String detail, @Nullable String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (instance != null) {
            problem.put("instance", instance);
        }
        problem.put("status", status);
        HttpStatus known = HttpStatus.resolve(status);
        problem.put("title", known != null ? known.getReasonPhrase() : "Error");
        return JSON.writeValueAsBytes(problem);
    }

    /**
     * What a status means here, for an error nothing more specific is known about; never
     * the exception's text.
     */
    static @Nullable String detail(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "the request could not be read";
            case 401 -> "missing or wrong bearer token";
            case 404 -> "nothing here: the admin API is under /api/v1, the OneBot webhook is /webhook/onebot";
            case 405 -> "this path does not take this method";
            case 413 -> "the request body is larger than this path takes";
            default -> status.is5xxServerError() ? "the server failed; its log says why" : null;
        };
    }

}
