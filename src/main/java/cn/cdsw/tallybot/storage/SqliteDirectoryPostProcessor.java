package cn.cdsw.tallybot.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the parent directory of a {@code jdbc:sqlite:} database file before any
 * DataSource opens it: sqlite-jdbc creates the file but not its directory, so
 * {@code java -jar} on a fresh checkout would fail on the default
 * {@code data/tallybot.db}. Runs after config data is loaded, so it sees
 * {@code SPRING_DATASOURCE_URL} and {@code application.yml} alike. In-memory and resource
 * URLs are left alone.
 */
class SqliteDirectoryPostProcessor implements EnvironmentPostProcessor {

    private static final String PREFIX = "jdbc:sqlite:";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        databaseFile(environment.getProperty("spring.datasource.url"))
            .ifPresent(SqliteDirectoryPostProcessor::createParent);
    }

    /**
     * The file a SQLite URL points at, or empty for other databases, memory and classpath
     * resources.
     */
    static Optional<Path> databaseFile(@Nullable String url) {
        if (url == null || !url.startsWith(PREFIX) || url.contains("mode=memory")) {
            return Optional.empty();
        }
        String name = url.substring(PREFIX.length());
        int query = name.indexOf('?');
        if (query >= 0) {
            name = name.substring(0, query);
        }
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.isEmpty() || name.startsWith(":")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(name));
    }

    /**
     * Makes the database's folder and checks that the bot can write there, so that a
     * wrong path stops the start with one line naming it (instead of a page of driver
     * stack trace without the path).
     */
    static void createParent(Path file) {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        }
        catch (IOException ex) {
            throw new DatabaseLocationException("cannot create the folder " + parent + " of the SQLite database ("
                    + ex.getClass().getSimpleName() + "): create it, or set SPRING_DATASOURCE_URL to a writable place");
        }
        if (Files.isDirectory(absolute)) {
            throw new DatabaseLocationException("the SQLite database " + absolute + " is a folder, not a file: set "
                    + "SPRING_DATASOURCE_URL to a file path such as jdbc:sqlite:data/tallybot.db");
        }
        // SQLite writes its -wal and -shm files beside the database, so the folder itself
        // must be writable.
        if (!Files.isWritable(parent) || (Files.exists(absolute) && !Files.isWritable(absolute))) {
            throw new DatabaseLocationException("the bot cannot write to "
                    + (Files.isWritable(parent) ? absolute : parent)
                    + ": give the user running it write access (in Docker, uid 10001) or set SPRING_DATASOURCE_URL "
                    + "to a writable place");
        }
    }

    /**
     * A database path the bot cannot use; reported by
     * {@link DatabaseLocationFailureAnalyzer} as one line.
     */
    static final class DatabaseLocationException extends RuntimeException {

        DatabaseLocationException(String message) {
            super(message);
        }

    }

}
