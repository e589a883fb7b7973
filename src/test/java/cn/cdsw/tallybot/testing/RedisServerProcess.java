package cn.cdsw.tallybot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import org.awaitility.Awaitility;

/**
 * A {@code redis-server} of a test's own on a free loopback port, which the test may stop
 * and start again to play an outage: a real server, not a mock, because the outage
 * behaviour is Lettuce's. No persistence, as on the deployment machines.
 */
public final class RedisServerProcess implements AutoCloseable {

    private final String binary;

    private final int port;

    private Process process;

    private RedisServerProcess(String binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    public static RedisServerProcess started() {
        RedisServerProcess server = new RedisServerProcess(TestServices.redisServerBinary(), freePort());
        server.start();
        return server;
    }

    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    public void start() {
        try {
            process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                    "--appendonly", "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(this::accepting);
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !accepting());
    }

    @Override
    public void close() {
        stop();
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
