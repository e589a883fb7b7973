package cn.cdsw.tallybot.report;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Edits to released migrations that changed comments only, and the checksums they had
 * before. Flyway refuses to start a database whose applied scripts no longer match their
 * stored checksum, which is right for any edit it cannot see into. For the edits listed
 * here (each checked to leave every statement as it was), a database that applied the old
 * script gets the new checksum recorded before Flyway validates, and nothing else
 * changes; any other mismatch still stops the start.
 */
@Configuration(proxyBeanMethods = false)
class ReleasedMigrationEdits {

    private static final Logger log = LoggerFactory.getLogger(ReleasedMigrationEdits.class);

    /** One comment-only edit: the script's version and its checksum before and after. */
    record Edit(String version, int before, int after) {
    }

    /**
     * The header comments of V1, V2, V5 and V6 cited planning documents kept outside the
     * repository; they now say their reason in place or cite docs/. SQLite and PostgreSQL
     * scripts differ, so both vendors' sums are here (V2 is shared).
     */
    static final List<Edit> COMMENT_ONLY = List.of(new Edit("1", -1050270072, -1141749896), // sqlite
                                                                                            // V1
            new Edit("1", 442491625, -1846534888), // postgresql V1
            new Edit("2", 675695816, -905878267), // common V2
            new Edit("5", -1229941143, -711471590), // sqlite V5
            new Edit("5", -505241956, 562039571), // postgresql V5
            new Edit("6", -1103251435, 1063724811), // sqlite V6
            new Edit("6", 2064949219, -6278195)); // postgresql V6

    @Bean
    FlywayMigrationStrategy acceptingCommentOnlyEdits() {
        return flyway -> {
            accept(flyway);
            flyway.migrate();
        };
    }

    /**
     * Records the new checksums of {@link #COMMENT_ONLY} edits in a history that holds
     * the old ones.
     */
    static void accept(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        String table = flyway.getConfiguration().getTable();
        try (Connection connection = dataSource.getConnection()) {
            if (!hasTable(connection, table)) {
                return;
            }
            try (PreparedStatement update = connection
                .prepareStatement("UPDATE " + table + " SET checksum = ? WHERE version = ? AND checksum = ?")) {
                for (Edit edit : COMMENT_ONLY) {
                    update.setInt(1, edit.after());
                    update.setString(2, edit.version());
                    update.setInt(3, edit.before());
                    if (update.executeUpdate() > 0) {
                        log.info("Migration V{} had comment-only edits; its new checksum is recorded", edit.version());
                    }
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not read the migration history " + table, e);
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        // the current schema only: a PostgreSQL database may hold other schemas with
        // histories of their own
        try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
            return tables.next();
        }
    }

}
