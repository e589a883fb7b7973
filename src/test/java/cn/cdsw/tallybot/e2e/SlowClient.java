package cn.cdsw.tallybot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A client that sends its request's head at once and then its body slowly, as an attacker
 * holding server resources or a broken network would: a raw socket, since an HTTP client
 * library sends whole bodies. It promises a body of {@code Content-Length} bytes, sends a
 * part of it, and then one more byte whenever {@link #drip()} is called.
 */
final class SlowClient implements AutoCloseable {

    private final Socket socket;

    private final OutputStream out;

    private final InputStream in;

    private final StringBuilder answer = new StringBuilder();

    private boolean closedByServer;

    private SlowClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /**
     * Opens a connection and sends {@code method path}, the headers and the first bytes
     * of a 4,000-byte body, typed {@code application/json} unless the headers give a
     * Content-Type.
     */
    static SlowClient start(int port, String method, String path, String... headers) {
        try {
            SlowClient client = new SlowClient(new Socket("127.0.0.1", port));
            StringBuilder head = new StringBuilder(
                    method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Content-Length: 4000\r\n");
            if (Arrays.stream(headers).noneMatch(h -> h.regionMatches(true, 0, "Content-Type:", 0, 13))) {
                head.append("Content-Type: application/json\r\n");
            }
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            head.append("\r\n{\"post_type\":");
            client.out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            client.out.flush();
            client.socket.setSoTimeout(1);
            return client;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends one more byte of the body, unless the server has answered or closed the
     * connection.
     */
    synchronized void drip() {
        if (answered()) {
            return;
        }
        try {
            out.write(' ');
            out.flush();
        }
        catch (IOException serverClosed) {
            closedByServer = true;
        }
    }

    /**
     * Whether the server has sent something or closed the connection, reading what has
     * arrived so far.
     */
    synchronized boolean answered() {
        if (closedByServer) {
            return true;
        }
        byte[] buffer = new byte[1024];
        try {
            int read = in.read(buffer);
            if (read < 0) {
                closedByServer = true;
            }
            else {
                answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            }
        }
        catch (SocketTimeoutException nothingYet) {
            // the server is still waiting for the body
        }
        catch (IOException reset) {
            closedByServer = true;
        }
        return closedByServer || !answer.isEmpty();
    }

    /** Whether the server has closed the connection, reading what has arrived so far. */
    synchronized boolean closed() {
        answered();
        return closedByServer;
    }

    /**
     * The status line the server sent, or null when it closed the connection without an
     * answer.
     */
    synchronized @Nullable String statusLine() {
        int end = answer.indexOf("\r\n");
        return end < 0 ? null : answer.substring(0, end);
    }

    @Override
    public synchronized void close() throws IOException {
        socket.close();
    }

}
