package cn.cdsw.tallybot.storage;

import java.util.Map;

import org.sqlite.SQLiteOpenMode;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The SQLite connection settings, as configuration that
 * {@code DataSourceConfigurationIntegrationTests} reads back rather than code that opens
 * connections (docs/storage.md §1). Applied only when {@code spring.datasource.url} is a
 * {@code jdbc:sqlite:} URL, so that a PostgreSQL URL gets Hikari's normal pool and no
 * SQLite PRAGMAs without a profile. They are the lowest-precedence source: any
 * {@code spring.datasource.hikari.*} an operator sets still wins.
 */
class SqliteDefaultsPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE = "tallybotSqliteDefaults";
    static final String PRAGMAS = "spring.datasource.hikari.data-source-properties";

    /**
     * Read-write, created if missing (the driver's own default), and without SQLite's
     * per-connection mutex: a pooled connection is used by one thread at a time, and the
     * driver serialises calls on a connection itself, so SQLite's lock around every call
     * (each column of each row) only cost time; a year's ledger export spent a tenth of
     * its read in it. Interrupting a statement from another thread stays safe in this
     * mode.
     */
    static final String OPEN_MODE = String
        .valueOf(SQLiteOpenMode.READWRITE.flag | SQLiteOpenMode.CREATE.flag | SQLiteOpenMode.NOMUTEX.flag);

    /**
     * One connection because SQLite has one writer: it serialises writes in the process
     * instead of failing on locks. sqlite-jdbc applies these data-source properties as
     * PRAGMAs on connect (SQLiteConfig.Pragma names). The driver is sqlite-jdbc with a
     * statement cache per connection (PostgreSQL's driver keeps its own), told not to
     * look up generated keys after each insert (one more query per INSERT; ids come from
     * {@code RETURNING}). Connections open in SQLite's multi-thread mode
     * ({@link #OPEN_MODE}).
     */
    static final Map<String, Object> DEFAULTS = Map.of("spring.datasource.hikari.maximum-pool-size", "1",
            "spring.datasource.driver-class-name", StatementCachingSqliteDriver.class.getName(),
            PRAGMAS + "[journal_mode]", "WAL", PRAGMAS + "[synchronous]", "NORMAL", PRAGMAS + "[busy_timeout]", "5000",
            PRAGMAS + "[foreign_keys]", "true", PRAGMAS + "[jdbc.get_generated_keys]", "false", PRAGMAS + "[open_mode]",
            OPEN_MODE);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && url.startsWith("jdbc:sqlite:")) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
        }
    }

}
