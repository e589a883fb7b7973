package cn.cdsw.tallybot.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh schema in the test PostgreSQL database for one test class, dropped afterwards,
 * so test classes and repeated runs never see each other's rows.
 */
public final class PostgresSchema implements AutoCloseable {

    private final String baseUrl;

    private final String name;

    private PostgresSchema(String baseUrl, String name) {
        this.baseUrl = baseUrl;
        this.name = name;
    }

    /**
     * Creates {@code t_<random>}; skips or fails the test as {@link TestServices} says
     * when PostgreSQL is away.
     */
    public static PostgresSchema create() {
        String baseUrl = TestServices.postgresUrl();
        PostgresSchema schema = new PostgresSchema(baseUrl, "t_" + UUID.randomUUID().toString().replace("-", ""));
        schema.execute("CREATE SCHEMA " + schema.name);
        return schema;
    }

    /**
     * {@link #create()}, then the product's PostgreSQL migrations run in it, as at the
     * bot's start.
     */
    public static PostgresSchema migrated() {
        PostgresSchema schema = create();
        Flyway.configure()
            .dataSource(schema.dataSource())
            .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
            .load()
            .migrate();
        return schema;
    }

    /** A JDBC URL whose connections use this schema. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url());
        return dataSource;
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(baseUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

}
