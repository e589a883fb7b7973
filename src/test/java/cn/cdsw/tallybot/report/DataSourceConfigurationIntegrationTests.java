package cn.cdsw.tallybot.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production datasource settings of application.yml, read back from a live context
 * (docs/storage.md §1): the PRAGMAs, the vendor migration folder, the created parent
 * directory, and ReportService wired on top.
 */
class DataSourceConfigurationIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void appliesPragmasMigratesAndCreatesTheDatabaseDirectory() {
        Path file = dir.resolve("not/yet/there/tallybot.db");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StorageOnly.class)
            .web(WebApplicationType.NONE)
            // the ledger's health (part of readiness) comes with the storage
            // configuration,
            // which this datasource-only context leaves out
            .run("--spring.datasource.url=jdbc:sqlite:" + file,
                    "--management.endpoint.health.group.readiness.include=readinessState")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);

            assertThat(pragma(jdbc, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(jdbc, "synchronous")).isEqualTo("1");
            assertThat(pragma(jdbc, "busy_timeout")).isEqualTo("5000");
            assertThat(pragma(jdbc, "foreign_keys")).isEqualTo("1");
            assertThat(file).exists();
            assertThat(jdbc.sql("SELECT script FROM flyway_schema_history WHERE version = '1'")
                .query(String.class)
                .single()).isEqualTo("V1__activity_records.sql");

            StoreResult stored = context.getBean(ReportService.class)
                .store(Reports.source("5501"), Reports.form(), "#上报");
            assertThat(stored).isInstanceOf(StoreResult.Stored.class);
        }
    }

    private static String pragma(JdbcClient jdbc, String name) {
        return jdbc.sql("PRAGMA " + name).query(String.class).single();
    }

    /**
     * Auto-configuration without component scanning, so the rest of the app need not
     * exist yet.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({ ReportService.class, RecordRepository.class, RecordLineRepository.class, RecordAuditRepository.class,
            BindingRepository.class, RollupRepository.class, LedgerEntryRepository.class })
    static class StorageOnly {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
        }

    }

}
