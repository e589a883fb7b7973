package cn.cdsw.tallybot.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Redis and PostgreSQL the integration tests use (style rule 35): {@code TALLYBOT_TEST_REDIS_URL} (default
 * {@code redis://127.0.0.1:6379/0}) and {@code TALLYBOT_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=postgres}; the password is ignored
 * where {@code pg_hba.conf} trusts loopback). A test that needs one that is not reachable is
 * skipped, with a line saying so, unless {@code TALLYBOT_REQUIRE_SERVICES=true}: then it fails, so CI can never pass
 * with those tests skipped.
 */
public final class TestServices {

    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private TestServices() {
    }

    /** The Redis URL, or the test is skipped (or failed, when services are required). */
    public static String redisUrl() {
        String url = env("TALLYBOT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0");
        URI uri = URI.create(url);
        require("Redis", url, reachable(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()));
        return url;
    }

    /** The JDBC URL of a PostgreSQL database the tests may create schemas in. */
    public static String postgresUrl() {
        String url = env("TALLYBOT_TEST_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=postgres");
        require("PostgreSQL", url, connects(url));
        return url;
    }

    /** The {@code redis-server} binary, for tests that stop and start a server of their own. */
    public static String redisServerBinary() {
        String binary = env("TALLYBOT_TEST_REDIS_SERVER", "/usr/bin/redis-server");
        require("redis-server", binary, Files.isExecutable(Path.of(binary)));
        return binary;
    }

    private static void require(String service, String url, boolean reachable) {
        if (reachable) {
            return;
        }
        String message = service + " is not reachable at " + url;
        if (Boolean.parseBoolean(System.getenv("TALLYBOT_REQUIRE_SERVICES"))) {
            Assertions.fail(message + ", and TALLYBOT_REQUIRE_SERVICES=true");
        }
        if (ANNOUNCED.add(service)) {
            System.err.println("SKIPPED: " + message + ": the tests that need it are skipped (start it, or set "
                    + "TALLYBOT_REQUIRE_SERVICES=true to make this a failure)");
        }
        Assumptions.abort(message + ": skipped");
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    private static boolean connects(String url) {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(url)) {
            return connection.isValid(2);
        }
        catch (SQLException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
