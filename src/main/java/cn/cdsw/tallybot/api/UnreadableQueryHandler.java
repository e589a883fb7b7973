package cn.cdsw.tallybot.api;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A query string Tomcat cannot decode ({@code ?from=%ZZ}, too many parameters): Tomcat
 * throws when a handler first asks for a parameter, and left alone the exception escaped
 * the handler, was logged at ERROR with its stack trace for every such request, and came
 * back as a 400 from the error page. It is bad input, so it is answered here as a 400 (or
 * Tomcat's own 4xx) problem, for every handler, and logged by nobody.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableQueryHandler {

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail unreadableQuery(InvalidParameterException ex) {
        int code = ex.getErrorCode();
        HttpStatusCode status = code >= 400 && code < 500 ? HttpStatusCode.valueOf(code) : HttpStatus.BAD_REQUEST;
        return ProblemDetail.forStatusAndDetail(status,
                "the query string could not be read: parameters must be percent-encoded UTF-8");
    }

}
