package cn.cdsw.tallybot.storage;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The kind of database the ledger runs on, as the database itself says through its
 * connection's metadata. The bot has migrations for SQLite and PostgreSQL only, so
 * anything that is not SQLite is taken for PostgreSQL.
 */
enum Database {

    /**
     * One writer at a time per file: writes are serialised anyway, so they are worth
     * batching.
     */
    SQLITE,
    /** Many concurrent writers, and several replicas: each unit commits alone. */
    POSTGRESQL;

    static Database of(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return "SQLite".equalsIgnoreCase(product) ? SQLITE : POSTGRESQL;
        }
        catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database the ledger runs on", e);
        }
    }

}
