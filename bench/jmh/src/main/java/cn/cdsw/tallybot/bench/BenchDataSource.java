package cn.cdsw.tallybot.bench;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;

/** The product's connection settings (application.yml): one pooled connection, WAL, synchronous=NORMAL. */
public final class BenchDataSource {

    private BenchDataSource() {
    }

    public static HikariDataSource open(Path db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:sqlite:" + db.toAbsolutePath());
        ds.setMaximumPoolSize(1);
        ds.addDataSourceProperty("journal_mode", "WAL");
        ds.addDataSourceProperty("synchronous", "NORMAL");
        ds.addDataSourceProperty("busy_timeout", "5000");
        ds.addDataSourceProperty("foreign_keys", "true");
        return ds;
    }
}
