package cn.cdsw.tallybot.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteDirectoryPostProcessorTests {

    @Test
    void findsTheFileOfPlainAndFileUrls() {
        assertThat(SqliteDirectoryPostProcessor.databaseFile("jdbc:sqlite:data/tallybot.db"))
            .contains(Path.of("data/tallybot.db"));
        assertThat(SqliteDirectoryPostProcessor.databaseFile("jdbc:sqlite:file:/var/lib/t/x.db?cache=shared"))
            .contains(Path.of("/var/lib/t/x.db"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite::resource:db/x.db",
            "jdbc:sqlite:file:mem1?mode=memory&cache=shared", "jdbc:postgresql://db/tallybot" })
    void ignoresUrlsWithoutAFile(String url) {
        assertThat(SqliteDirectoryPostProcessor.databaseFile(url)).isEmpty();
    }

    @Test
    void createsTheMissingParentDirectories(@TempDir Path dir) {
        Path file = dir.resolve("a/b/tallybot.db");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources()
            .addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", "jdbc:sqlite:" + file)));

        new SqliteDirectoryPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(file.getParent()).isDirectory();
    }

    @Test
    void aDatabasePathThatIsAFolderStopsTheStartWithOneLine(@TempDir Path dir) {
        assertThatThrownBy(() -> SqliteDirectoryPostProcessor.createParent(dir))
            .isInstanceOf(SqliteDirectoryPostProcessor.DatabaseLocationException.class)
            .hasMessage("the SQLite database " + dir.toAbsolutePath() + " is a folder, not a file: set "
                    + "SPRING_DATASOURCE_URL to a file path such as jdbc:sqlite:data/tallybot.db");
    }

    @Test
    void aFolderThatCannotBeMadeStopsTheStartNamingIt(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("data"), "a file where the folder should be");
        Path file = notAFolder.resolve("tallybot.db");

        assertThatThrownBy(() -> SqliteDirectoryPostProcessor.createParent(file))
            .isInstanceOf(SqliteDirectoryPostProcessor.DatabaseLocationException.class)
            .hasMessageStartingWith("cannot create the folder " + notAFolder.toAbsolutePath())
            .hasMessageEndingWith("create it, or set SPRING_DATASOURCE_URL to a writable place");
    }

    @Test
    void theFailureReportIsTheLineAndWhatToDo() {
        var analysis = new DatabaseLocationFailureAnalyzer().analyze(new IllegalStateException("wrapped",
                new SqliteDirectoryPostProcessor.DatabaseLocationException("the SQLite database /x is a folder")));

        assertThat(analysis.getDescription()).isEqualTo("database: the SQLite database /x is a folder");
        assertThat(analysis.getAction()).isEqualTo("Fix the path or its permissions, then start again.");
    }

}
