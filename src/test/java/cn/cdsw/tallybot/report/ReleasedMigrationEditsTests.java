package cn.cdsw.tallybot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import cn.cdsw.tallybot.testing.PostgresSchema;

/**
 * An installation migrated before the comment-only edits of released scripts starts after
 * them, on both databases, while any other checksum mismatch still stops it.
 */
class ReleasedMigrationEditsTests {

    @TempDir
    Path dir;

    @Test
    void aSqliteLedgerMigratedBeforeTheEditsValidatesAfterThem() throws SQLException {
        DataSource dataSource = SqliteTestDatabase.migrated(dir);
        Flyway flyway = flyway(dataSource, "sqlite");

        checkOldInstallationIsAccepted(flyway, dataSource, "sqlite");
    }

    @Test
    void aPostgresLedgerMigratedBeforeTheEditsValidatesAfterThem() throws SQLException {
        try (PostgresSchema schema = PostgresSchema.create()) {
            Flyway flyway = flyway(schema.dataSource(), "postgresql");
            flyway.migrate();

            checkOldInstallationIsAccepted(flyway, schema.dataSource(), "postgresql");
        }
    }

    @Test
    void anyOtherMismatchStillStopsTheStart() throws SQLException {
        DataSource dataSource = SqliteTestDatabase.migrated(dir);
        Flyway flyway = flyway(dataSource, "sqlite");
        setChecksum(dataSource, "3", 12345);

        ReleasedMigrationEdits.accept(flyway);

        assertThatThrownBy(flyway::validate).isInstanceOf(FlywayValidateException.class)
            .hasMessageContaining("checksum mismatch for migration version 3");
    }

    @Test
    void aFreshDatabaseHasNothingToAcceptAndMigratesAsUsual() throws IOException {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("fresh.db"));
        Flyway flyway = flyway(dataSource, "sqlite");

        ReleasedMigrationEdits.accept(flyway);

        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(scripts("common") + scripts("sqlite"));
    }

    /**
     * How many migration scripts a folder holds, so that a new migration needs no edit
     * here.
     */
    private static int scripts(String folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", folder))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }

    /**
     * Puts back the checksums the edited scripts had, then checks Flyway refuses them
     * until they are accepted.
     */
    private static void checkOldInstallationIsAccepted(Flyway flyway, DataSource dataSource, String vendor)
            throws SQLException {
        int edits = 0;
        for (ReleasedMigrationEdits.Edit edit : ReleasedMigrationEdits.COMMENT_ONLY) {
            if (isCurrent(flyway, edit)) {
                setChecksum(dataSource, edit.version(), edit.before());
                edits++;
            }
        }
        assertThat(edits).as("V1, V2, V5 and V6 of %s are listed with their current checksums", vendor).isEqualTo(4);
        assertThatThrownBy(flyway::validate).isInstanceOf(FlywayValidateException.class);

        ReleasedMigrationEdits.accept(flyway);

        flyway.validate();
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    private static boolean isCurrent(Flyway flyway, ReleasedMigrationEdits.Edit edit) {
        for (var migration : flyway.info().all()) {
            if (migration.getVersion().getVersion().equals(edit.version())) {
                return migration.getChecksum() == edit.after();
            }
        }
        return false;
    }

    private static Flyway flyway(DataSource dataSource, String vendor) {
        return Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
            .load();
    }

    private static void setChecksum(DataSource dataSource, String version, int checksum) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection
                    .prepareStatement("UPDATE flyway_schema_history SET checksum = ? WHERE version = ?")) {
            update.setInt(1, checksum);
            update.setString(2, version);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

}
