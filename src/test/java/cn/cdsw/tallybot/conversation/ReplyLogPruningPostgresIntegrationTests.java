package cn.cdsw.tallybot.conversation;

import javax.sql.DataSource;

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
        schema = PostgresSchema.migrated();
        return schema.dataSource();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

}
