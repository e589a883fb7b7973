package cn.cdsw.tallybot.conversation;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;

import cn.cdsw.tallybot.testing.PostgresSchema;

/**
 * {@link ReplyLogPruningContract} on PostgreSQL, in a schema of its own per test: two
 * replicas pruning at once skip each other's locked rows.
 */
class ReplyLogPruningPostgresIntegrationTests extends ReplyLogPruningContract {

    PostgresSchema schema;

    @Override
    DataSource dataSource() {
        schema = PostgresSchema.create();
        DataSource dataSource = schema.dataSource();
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
            .load()
            .migrate();
        return dataSource;
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

}
