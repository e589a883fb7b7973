package cn.cdsw.tallybot.api;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection after a request whose body nobody read, rather than let Tomcat
 * drain the body on the request thread to keep the connection open. Only the webhooks
 * take a body, so this is a request with a body to the wrong place: an unknown path, the
 * wrong method, a refused token. Tomcat reads such a body to its end (up to
 * {@code max-swallow-size}) with blocking reads, so a client sending it a byte every few
 * seconds would hold the thread as long as it liked, and a few hundred such clients would
 * hold them all. Statuses that close the connection anyway (400, 408, 413, …) are left as
 * they are by Tomcat itself; this covers the rest (401, 404, 405, …).
 *
 * <p>
 * Asynchronous requests end later and are left alone: the webhook reads its body to the
 * end without holding a thread, or closes the connection itself when it answers before.
 */
final class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.isAsync()) {
            return;
        }
        AtomicBoolean fullyRead = new AtomicBoolean(true);
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        if (!fullyRead.get()) {
            // Sent first: disabling the swallow puts the connection in an error state,
            // and Tomcat turns the status
            // of a response not yet committed into a 500.
            response.flushBuffer();
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }

}
