package cn.cdsw.tallybot.platform.onebot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * Reads a webhook body with Servlet non-blocking I/O: the container calls back whenever
 * bytes have arrived, so a client that sends its body slowly holds a connection, not a
 * request thread. At most {@code maxBodyBytes} are kept; one more byte ends the read as
 * too large, so a body without Content-Length cannot fill the heap either.
 *
 * <p>
 * The container never runs two callbacks of one request at once and hands each over with
 * a memory barrier, so the fields need no locking. Exactly one of the {@link Receiver}'s
 * methods is called, at most once.
 */
final class OneBotBodyReader implements ReadListener {

    /** Where the outcome of the read goes. */
    interface Receiver {

        /** The whole body arrived, at most {@code maxBodyBytes} long. */
        void body(byte[] body);

        /** The body is longer than {@code maxBodyBytes}; the rest is left unread. */
        void tooLarge();

        /**
         * The client broke the body off, or went quiet for longer than the connection
         * timeout.
         */
        void failed(boolean timedOut);

    }

    private final ServletInputStream in;

    private final int maxBodyBytes;

    private final Receiver receiver;

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    private final byte[] buffer = new byte[8192];

    private boolean done;

    OneBotBodyReader(ServletInputStream in, int maxBodyBytes, Receiver receiver) {
        this.in = in;
        this.maxBodyBytes = maxBodyBytes;
        this.receiver = receiver;
    }

    @Override
    public void onDataAvailable() throws IOException {
        // isReady() false means "no more for now": the container calls again when bytes
        // arrive
        while (!done && in.isReady()) {
            int read = in.read(buffer);
            if (read < 0) {
                return;
            }
            if (received.size() + read > maxBodyBytes) {
                done = true;
                receiver.tooLarge();
                return;
            }
            received.write(buffer, 0, read);
        }
    }

    @Override
    public void onAllDataRead() {
        if (!done) {
            done = true;
            receiver.body(received.toByteArray());
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (!done) {
            done = true;
            receiver.failed(failure instanceof SocketTimeoutException);
        }
    }

}
