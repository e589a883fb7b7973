package cn.cdsw.tallybot.api;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cn.cdsw.tallybot.export.ExportBusyException;
import cn.cdsw.tallybot.report.RecordStatus;

/**
 * Every admin API error is a {@code ProblemDetail}, from this one advice (docs/api.md
 * §4). The base class covers Spring MVC's own failures (unknown path → 404) and the
 * {@code ErrorResponseException}s thrown for auth and unknown records. A parameter Spring
 * MVC cannot bind answers 400 saying what the parameter must look like, since the default
 * detail ("Failed to convert ...") reads like a stack trace to an operator. Limited to
 * this package so webhook controllers keep their own status mapping.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * Long enough for any mistyped date or status, short enough not to echo a pasted
     * document back.
     */
    private static final int MAX_ECHOED = 40;

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException ex) {
        return problem(ex.parameter(), ex.getMessage());
    }

    /**
     * A query the database stopped at {@code tallybot.storage.statement-timeout}: the
     * server is sound but the request too heavy for now, so 503 with a time to come back,
     * never a 500.
     */
    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<ProblemDetail> tooSlow(QueryTimeoutException ex, HttpServletRequest request) {
        log.warn("{} {} stopped at the statement timeout; answered 503", request.getMethod(), request.getRequestURI());
        return unavailable("the query ran longer than the database allows; try again later, or ask for a shorter range "
                + "or a smaller page", 30);
    }

    /**
     * Other ledgers were being made for longer than this one waits: the server is sound
     * and busy, so 503 with a time to come back.
     */
    @ExceptionHandler(ExportBusyException.class)
    ResponseEntity<ProblemDetail> exportBusy(ExportBusyException ex, HttpServletRequest request) {
        log.info("{} {} waited too long behind other ledgers; answered 503", request.getMethod(),
                request.getRequestURI());
        return unavailable("other ledgers are being made; try again in a minute", 60);
    }

    /** 503 with {@code Retry-After}: the server is sound, the request must wait. */
    private static ResponseEntity<ProblemDetail> unavailable(String detail, int retryAfterSeconds) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : String.valueOf(ex.getPropertyName());
        String detail = name + " must be " + expected(ex.getRequiredType()) + ", not '" + echo(ex.getValue()) + "'";
        return handleExceptionInternal(ex, problem(name, detail), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(String parameter, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("parameter", parameter);
        return problem;
    }

    private static String expected(@Nullable Class<?> type) {
        if (type == LocalDate.class) {
            return "a date like 2026-11-28";
        }
        if (type == RecordStatus.class) {
            return RecordStatusConverter.EXPECTED;
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a whole number";
        }
        return "a valid value";
    }

    private static String echo(@Nullable Object value) {
        String text = String.valueOf(value);
        return text.length() > MAX_ECHOED ? text.substring(0, MAX_ECHOED) + "…" : text;
    }

}
