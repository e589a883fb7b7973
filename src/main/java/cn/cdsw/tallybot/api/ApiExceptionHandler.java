package cn.cdsw.tallybot.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every admin API error is a {@code ProblemDetail} (style rule 27). The base class covers Spring MVC's own
 * failures (type mismatch on an id → 400, unknown path → 404) and the {@code ErrorResponseException}s thrown for
 * auth and unknown records. Limited to this package so webhook controllers keep their own status mapping.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setProperty("parameter", ex.parameter());
        return problem;
    }
}
