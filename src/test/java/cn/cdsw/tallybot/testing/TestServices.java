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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import cn.cdsw.tallybot.summary.CjkFont;

/**
 * What some tests need beyond Java and Maven: the real Redis and PostgreSQL the
 * integration tests use (never a stand-in for our own store), and a Chinese font for the
 * chart's glyph tests, and Chromium for the web desk's browser test. Redis comes from
 * {@code TALLYBOT_TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379/0}), PostgreSQL
 * from {@code TALLYBOT_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=postgres}; the
 * password is ignored where {@code pg_hba.conf} trusts loopback). A test that needs
 * something the machine lacks is skipped with one {@code SKIPPED:} line saying what to
 * install, unless {@code TALLYBOT_REQUIRE_SERVICES=true}: then it fails, so CI (which
 * installs and starts them all) can never pass with those tests skipped.
 */
public final class TestServices {

    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private TestServices() {
    }

    /** The Redis URL, or the test is skipped (or failed, when services are required). */
    public static String redisUrl() {
        String url = env("TALLYBOT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0");
        URI uri = URI.create(url);
        require("Redis is not reachable at " + url, "install redis-server and start it",
                reachable(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()));
        return url;
    }

    /** The JDBC URL of a PostgreSQL database the tests may create schemas in. */
    public static String postgresUrl() {
        String url = env("TALLYBOT_TEST_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=postgres");
        require("PostgreSQL is not reachable at " + url.replaceAll("password=[^&]*", "password=…"),
                "install postgresql and start it", connects(url));
        return url;
    }

    /**
     * The {@code redis-server} binary, for tests that stop and start a server of their
     * own.
     */
    public static String redisServerBinary() {
        String binary = env("TALLYBOT_TEST_REDIS_SERVER", "/usr/bin/redis-server");
        require("there is no redis-server at " + binary, "install redis-server", Files.isExecutable(Path.of(binary)));
        return binary;
    }

    /**
     * The installed font family that draws Chinese, for the tests that look at the glyphs
     * of a chart.
     */
    public static String chineseFont() {
        Optional<String> family = CjkFont.installed();
        require("no Chinese (CJK) font is installed", "install " + CjkFont.PACKAGE, family.isPresent());
        return family.orElseThrow();
    }

    /**
     * Debian's Chromium and its chromedriver, for the tests that drive the web desk in a
     * real browser: the chromium binary from {@code TALLYBOT_TEST_CHROMIUM} (default
     * {@code /usr/bin/chromium}) and the driver from {@code TALLYBOT_TEST_CHROMEDRIVER}
     * (default {@code /usr/bin/chromedriver}).
     */
    public static Chromium chromium() {
        Path browser = Path.of(env("TALLYBOT_TEST_CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(env("TALLYBOT_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
        require("there is no Chromium at " + browser + " with a chromedriver at " + driver,
                "install chromium and chromium-driver", Files.isExecutable(browser) && Files.isExecutable(driver));
        return new Chromium(browser, driver);
    }

    /** Where a browser test finds the browser and its driver. */
    public record Chromium(Path browser, Path driver) {
    }

    /**
     * Skips the calling test, with one {@code SKIPPED:} line per missing thing and run,
     * when {@code present} is false; fails it instead under
     * {@code TALLYBOT_REQUIRE_SERVICES=true}, so CI can never pass with it skipped.
     */
    private static void require(String missing, String remedy, boolean present) {
        if (present) {
            return;
        }
        if (Boolean.parseBoolean(System.getenv("TALLYBOT_REQUIRE_SERVICES"))) {
            Assertions.fail(missing + ", and TALLYBOT_REQUIRE_SERVICES=true");
        }
        if (ANNOUNCED.add(missing)) {
            System.err.println("SKIPPED: " + missing + ", " + remedy
                    + " (the tests that need it are skipped; TALLYBOT_REQUIRE_SERVICES=true makes this a failure)");
        }
        Assumptions.abort(missing + ": skipped");
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
