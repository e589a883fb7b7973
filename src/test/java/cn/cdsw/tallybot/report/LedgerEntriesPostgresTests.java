package cn.cdsw.tallybot.report;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;

import cn.cdsw.tallybot.testing.PostgresSchema;

class LedgerEntriesPostgresTests extends LedgerEntriesContract {

    private PostgresSchema schema;

    @Override
    DataSource migrated() {
        schema = PostgresSchema.create();
        DataSource dataSource = schema.dataSource();
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
            .load()
            .migrate();
        return dataSource;
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

}
