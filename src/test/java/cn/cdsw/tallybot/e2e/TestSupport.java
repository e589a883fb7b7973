package cn.cdsw.tallybot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import mockwebserver3.MockWebServer;

/**
 * What the application-level tests share: a fresh SQLite file each, and a running fake
 * platform API.
 */
public final class TestSupport {

    private TestSupport() {
    }

    /** A JDBC URL of a new SQLite file in its own temp directory. */
    public static String sqliteUrl(String prefix) {
        try {
            return "jdbc:sqlite:" + Files.createTempDirectory(prefix).resolve("tallybot.db");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A started MockWebServer, for a static field that {@code @DynamicPropertySource} can
     * read.
     */
    public static MockWebServer startedMockWebServer() {
        MockWebServer server = new MockWebServer();
        try {
            server.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

}
