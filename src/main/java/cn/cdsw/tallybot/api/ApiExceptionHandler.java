package cn.cdsw.tallybot.api;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

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

    /**
     * Long enough for any mistyped date or status, short enough not to echo a pasted
     * document back.
     */
    private static final int MAX_ECHOED = 40;

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException ex) {
        return problem(ex.parameter(), ex.getMessage());
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
