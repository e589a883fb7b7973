package cn.cdsw.tallybot.storage;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read-only questions {@link LedgerHealth} asks the database: whether it answers at
 * all, and on PostgreSQL whether it takes writes.
 */
final class LedgerProbeRepository {

    private final JdbcClient jdbc;

    LedgerProbeRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Reads one small table; throws when the database cannot be read. */
    void read() {
        jdbc.sql("SELECT COUNT(*) FROM installation").query(Long.class).single();
    }

    /**
     * PostgreSQL: whether the server refuses writes, as a standby or with
     * {@code default_transaction_read_only}. Asked outside a transaction, so the setting
     * is the server's default rather than a read-only transaction's own.
     */
    boolean postgresRefusesWrites() {
        return jdbc.sql("SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on'")
            .query(Boolean.class)
            .single();
    }

}
