package cn.cdsw.tallybot.summary;

import javax.sql.DataSource;

import cn.cdsw.tallybot.testing.PostgresSchema;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The storage contract on PostgreSQL, in a schema of its own migrated by the real
 * PostgreSQL scripts; emptied before each test, dropped after the class.
 */
class PostgresStorageIntegrationTests extends StorageContractTests {

    static PostgresSchema schema;
    static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        schema = PostgresSchema.migrated();
        dataSource = schema.dataSource();
    }

    @AfterAll
    static void drop() {
        if (schema != null) {
            schema.close();
        }
    }

    @BeforeEach
    void empty() {
        JdbcClient.create(dataSource).sql("""
                TRUNCATE activity_record, record_metric, record_item, record_event, sender_binding, handled_message,
                    summary_post, summary_snapshot, rollup_metric, rollup_item, rollup_figures,
                    rollup_unit, rollup_unit_metric, rollup_unit_figures RESTART IDENTITY""").update();
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

}
