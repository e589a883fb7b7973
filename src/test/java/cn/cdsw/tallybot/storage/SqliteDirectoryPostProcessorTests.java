package cn.cdsw.tallybot.storage;

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

class SqliteDirectoryPostProcessorTests {

    @Test
    void findsTheFileOfPlainAndFileUrls() {
        assertThat(SqliteDirectoryPostProcessor.databaseFile("jdbc:sqlite:data/tallybot.db"))
                .contains(Path.of("data/tallybot.db"));
        assertThat(SqliteDirectoryPostProcessor.databaseFile("jdbc:sqlite:file:/var/lib/t/x.db?cache=shared"))
                .contains(Path.of("/var/lib/t/x.db"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite::resource:db/x.db",
            "jdbc:sqlite:file:mem1?mode=memory&cache=shared", "jdbc:postgresql://db/tallybot"})
    void ignoresUrlsWithoutAFile(String url) {
        assertThat(SqliteDirectoryPostProcessor.databaseFile(url)).isEmpty();
    }

    @Test
    void createsTheMissingParentDirectories(@TempDir Path dir) {
        Path file = dir.resolve("a/b/tallybot.db");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(
                new MapPropertySource("test", Map.of("spring.datasource.url", "jdbc:sqlite:" + file)));

        new SqliteDirectoryPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(file.getParent()).isDirectory();
    }
}
