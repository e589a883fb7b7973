package cn.cdsw.tallybot.report;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;

import cn.cdsw.tallybot.testing.PostgresSchema;

class LedgerEntriesPostgresTests extends LedgerEntriesContract {

    private PostgresSchema schema;

    @Override
    DataSource migrated() {
        schema = PostgresSchema.migrated();
        return schema.dataSource();
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

}
