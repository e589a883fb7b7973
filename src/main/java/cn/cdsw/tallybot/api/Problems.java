package cn.cdsw.tallybot.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes an RFC 9457 problem where Spring MVC's message converters are not at hand (a servlet filter), with the
 * members and in the order Spring MVC writes a {@code ProblemDetail}, so every error of the application reads alike.
 */
final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail, HttpServletRequest request)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("status", status.value());
        problem.put("title", status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
