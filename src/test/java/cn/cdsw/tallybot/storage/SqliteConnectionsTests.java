package cn.cdsw.tallybot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * SQLite's read connections beside its one writing connection (docs/storage.md §8):
 * read-only work answers while the writer holds a batch open, seeing the last commit; it
 * cannot write; inside a unit it joins the unit and sees its writes. Pools as the bot
 * configures them: Boot's one-connection Hikari pool with the production settings.
 */
class SqliteConnectionsTests {

    @TempDir
    Path dir;

    HikariDataSource writing;

    SqliteConnections db;

    Ledger ledger;

    JdbcClient jdbc;

    final ExecutorService callers = Executors.newFixedThreadPool(2);

    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        writing = new HikariDataSource();
        writing.setJdbcUrl("jdbc:sqlite:" + dir.resolve("tallybot.db"));
        writing.setDriverClassName(StatementCachingSqliteDriver.class.getName());
        writing.setDataSourceProperties(StorageFixtures.sqlitePragmas());
        writing.setMaximumPoolSize(1);
        db = new SqliteConnections(writing, 2);
        Flyway.configure()
            .dataSource(db)
            .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
            .load()
            .migrate();
        jdbc = JdbcClient.create(db);
        jdbc.sql("CREATE TABLE note (id TEXT PRIMARY KEY)").update();
        jdbc.sql("INSERT INTO note VALUES ('committed')").update();
        ledger = new Ledger(new DataSourceTransactionManager(db), Database.of(db),
                new StorageProperties(null, 2, java.time.Duration.ofSeconds(10)),
                new WriterMetrics(new SimpleMeterRegistry()));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        release.countDown();
        callers.shutdownNow();
        ledger.destroy();
        db.close();
    }

    @Test
    void readOnlyWorkAnswersWhileTheWriterHoldsABatchAndSeesTheLastCommit() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        Future<Object> held = callers.submit(() -> ledger.write(unit -> {
            jdbc.sql("INSERT INTO note VALUES ('held')").update();
            holding.countDown();
            LedgerTests.await(release);
            return null;
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

        // on this thread, while the writer's batch holds the one writing connection and
        // SQLite's write lock
        List<String> seen = ledger.read(this::notes);

        assertThat(seen).containsExactly("committed");
        assertThat(held.isDone()).as("the batch was still open when the read answered").isFalse();
        release.countDown();
        held.get(5, TimeUnit.SECONDS);
        assertThat(ledger.read(this::notes)).containsExactly("committed", "held");
    }

    @Test
    void readOnlyWorkCannotWrite() {
        assertThatThrownBy(() -> ledger.read(() -> jdbc.sql("INSERT INTO note VALUES ('strayed')").update()))
            .hasStackTraceContaining("readonly");

        assertThat(notes()).containsExactly("committed");
    }

    @Test
    void readOnlyWorkInsideAUnitJoinsItAndSeesItsWrites() {
        List<String> seen = ledger.write(unit -> {
            jdbc.sql("INSERT INTO note VALUES ('mine')").update();
            return ledger.read(this::notes);
        });

        assertThat(seen).containsExactly("committed", "mine");
    }

    @Test
    void closingClosesBothPools() {
        ledger.read(this::notes);

        db.close();

        assertThat(writing.isClosed()).isTrue();
        assertThatThrownBy(() -> ledger.read(this::notes)).hasStackTraceContaining("has been closed");
    }

    List<String> notes() {
        return jdbc.sql("SELECT id FROM note ORDER BY id").query(String.class).list();
    }

}
