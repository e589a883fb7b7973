package cn.cdsw.tallybot.report;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.cdsw.tallybot.testing.PostgresSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V8 adds content fingerprints to the keys of records and of the reply log. On SQLite it
 * rebuilds both tables, which an installation with records, lines, audit lines and a
 * correction chain must survive whole, its foreign keys still enforced afterwards.
 */
class MessageFingerprintMigrationTests {

    @TempDir
    Path dir;

    @Test
    void sqliteKeepsEveryRowAndForeignKeyAndAllowsAReusedIdWithOtherContent() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        // one connection, as the application's writing pool has: the script turns foreign
        // keys off on it and must turn them on again
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("v7.db"));
        dataSource.setConnectionProperties(config.toProperties());
        dataSource.setSuppressClose(true);
        check(dataSource, "sqlite");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("PRAGMA foreign_key_check").query().listOfRows()).isEmpty();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO record_metric VALUES (999, 0, 'visits', '户', 1, 0)").update())
            .as("foreign keys are enforced again")
            .hasMessageContaining("FOREIGN KEY constraint failed");
    }

    @Test
    void postgresqlKeepsEveryRowAndAllowsAReusedIdWithOtherContent() {
        try (PostgresSchema schema = PostgresSchema.create()) {
            check(schema.dataSource(), "postgresql");
        }
    }

    private static void check(DataSource dataSource, String vendor) {
        Flyway toV7 = flyway(dataSource, vendor, "7");
        toV7.migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                INSERT INTO activity_record (platform, group_id, sender_id, sender_name, message_id, received_at,
                    activity_date, district, unit, raw_text, status)
                VALUES ('onebot', 'g', 's', 'n', '5501', 0, '2026-11-28', '锦江区', '三圣', 'raw', 'superseded')""")
            .update();
        jdbc.sql("""
                INSERT INTO activity_record (platform, group_id, sender_id, sender_name, message_id, received_at,
                    activity_date, district, unit, raw_text, status, supersedes)
                VALUES ('onebot', 'g', 's', 'n', '5502', 0, '2026-11-28', '锦江区', '三圣', 'raw', 'active', 1)""").update();
        jdbc.sql("UPDATE activity_record SET superseded_by = 2 WHERE id = 1").update();
        jdbc.sql("INSERT INTO record_metric VALUES (2, 0, 'visits', '户', 196, 0)").update();
        jdbc.sql("INSERT INTO record_event (record_id, action, actor_platform, actor_id, at) VALUES (2, 'created', "
                + "'onebot', 's', 0)")
            .update();
        jdbc.sql("INSERT INTO handled_message VALUES ('onebot', 'g', '5502', 0, 'reply')").update();

        assertThat(flyway(dataSource, vendor, "8").migrate().migrationsExecuted).isEqualTo(1);

        assertThat(jdbc.sql("SELECT id, supersedes, superseded_by, content_hash FROM activity_record ORDER BY id")
            .query((rs, n) -> rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3) + ":" + rs.getString(4))
            .list()).containsExactly("1:0:2:", "2:1:0:");
        assertThat(jdbc.sql("SELECT value FROM record_metric WHERE record_id = 2").query(Long.class).single())
            .isEqualTo(196);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_event").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT reply_text || '|' || content_hash FROM handled_message").query(String.class).list())
            .isEqualTo(List.of("reply|"));
        // a new message that reuses id 5502 with other content gets its own rows; the
        // same
        // key twice is still refused
        jdbc.sql("""
                INSERT INTO activity_record (platform, group_id, sender_id, sender_name, message_id, content_hash,
                    received_at, activity_date, district, unit, raw_text, status)
                VALUES ('onebot', 'g', 's', 'n', '5502', 'abc', 0, '2026-11-29', '锦江区', '三圣', 'raw', 'active')""")
            .update();
        assertThat(jdbc.sql("""
                INSERT INTO activity_record (platform, group_id, sender_id, sender_name, message_id, content_hash,
                    received_at, activity_date, district, unit, raw_text, status)
                VALUES ('onebot', 'g', 's', 'n', '5502', 'abc', 0, '2026-11-29', '锦江区', '三圣', 'raw', 'active')
                ON CONFLICT DO NOTHING""").update()).isZero();
        jdbc.sql("INSERT INTO handled_message (platform, group_id, message_id, content_hash, handled_at) "
                + "VALUES ('onebot', 'g', '5502', 'abc', 0)")
            .update();
        assertThat(jdbc.sql("SELECT MAX(id) FROM activity_record").query(Long.class).single())
            .as("ids continue after the copied ones")
            .isEqualTo(3);
    }

    private static Flyway flyway(DataSource dataSource, String vendor, String target) {
        return Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
            .target(target)
            .load();
    }

}
