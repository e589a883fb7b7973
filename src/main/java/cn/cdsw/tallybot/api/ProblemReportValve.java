package cn.cdsw.tallybot.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's last-resort error report as a {@code ProblemDetail} instead of an HTML page.
 * It answers what never reaches the application's error page: a request Tomcat refuses
 * before any servlet sees it, such as a path with an encoded slash or NUL
 * ({@code /api/v1/records/%2F}). Like Spring Boot's configuration of the HTML report, it
 * shows neither the server's version nor an exception; the request's path is not echoed
 * either, since it is what could not be read.
 */
final class ProblemReportValve extends ErrorReportValve {

    ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(Problems.json(status, Problems.detail(HttpStatusCode.valueOf(status)), null),
                        StandardCharsets.UTF_8));
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException clientGone) {
            // nobody left to read the report; Tomcat closes the connection
        }
    }

}
