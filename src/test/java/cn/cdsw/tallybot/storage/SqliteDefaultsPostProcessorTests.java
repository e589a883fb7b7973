package cn.cdsw.tallybot.storage;

import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteOpenMode;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite's one-connection pool and PRAGMAs apply to SQLite URLs only (docs/storage.md §1,
 * §2).
 */
class SqliteDefaultsPostProcessorTests {

    static MockEnvironment processed(String url) {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", url);
        new SqliteDefaultsPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void aSqliteUrlGetsOneConnectionAndThePragmas() {
        MockEnvironment environment = processed("jdbc:sqlite:data/tallybot.db");

        assertThat(environment.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("1");
        assertThat(environment.getProperty("spring.datasource.hikari.data-source-properties[journal_mode]"))
            .isEqualTo("WAL");
        int openMode = Integer
            .parseInt(environment.getProperty("spring.datasource.hikari.data-source-properties[open_mode]"));
        assertThat(openMode)
            .isEqualTo(SQLiteOpenMode.READWRITE.flag | SQLiteOpenMode.CREATE.flag | SQLiteOpenMode.NOMUTEX.flag);
    }

    @Test
    void aPostgresUrlGetsNeitherAndAnOperatorsSettingWins() {
        MockEnvironment postgres = processed("jdbc:postgresql://127.0.0.1:5432/tallybot");
        assertThat(postgres.getPropertySources().contains(SqliteDefaultsPostProcessor.SOURCE)).isFalse();
        assertThat(postgres.getProperty("spring.datasource.hikari.maximum-pool-size")).isNull();

        MockEnvironment tuned = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:sqlite:x.db")
            .withProperty("spring.datasource.hikari.maximum-pool-size", "2");
        new SqliteDefaultsPostProcessor().postProcessEnvironment(tuned, new SpringApplication());
        assertThat(tuned.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("2");
    }

}
