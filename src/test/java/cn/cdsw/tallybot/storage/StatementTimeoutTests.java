package cn.cdsw.tallybot.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cdsw.tallybot.testing.LogCapture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The statement timeout on SQLite, for real: a statement that computes past it is stopped
 * and reported as Spring's {@code QueryTimeoutException}, on a read connection as on the
 * writer, where it must not take the other units of its batch with it.
 */
class StatementTimeoutTests {

    /** Counts for ever; only the timeout ends it. */
    static final String ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture log = LogCapture.of(GroupCommit.class, TransactionTemplate.class);

    DataSource db;

    final ExecutorService callers = Executors.newFixedThreadPool(4);

    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        db = StorageFixtures.migratedSqlite(dir);
        JdbcClient.create(db).sql("CREATE TABLE note (id TEXT PRIMARY KEY)").update();
        // no key: a unit applied twice shows as two rows
        JdbcClient.create(db).sql("CREATE TABLE tally (what TEXT)").update();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void aReadPastItsTimeoutIsStoppedAndTheConnectionStaysUsable() {
        // one connection, as the bot's own pool holds it, so the next queries run on it
        HikariDataSource one = new HikariDataSource();
        one.setJdbcUrl("jdbc:sqlite:" + dir.resolve("tallybot.db"));
        one.setDriverClassName(StatementCachingSqliteDriver.class.getName());
        one.setDataSourceProperties(StorageFixtures.sqlitePragmas());
        one.setMaximumPoolSize(1);
        try {
            JdbcClient timed = client(one, 1);

            assertThatThrownBy(() -> timed.sql(ENDLESS).query(Long.class).single())
                .isInstanceOf(QueryTimeoutException.class)
                .hasMessageContaining("timeout of 1 s");
            assertThat(timed.sql("SELECT 1 + 1").query(Integer.class).single()).isEqualTo(2);
            assertThat(timed.sql("SELECT count(*) FROM note").query(Integer.class).single()).isZero();
        }
        finally {
            one.close();
        }
    }

    @Test
    void aSlowUnitOnTheWriterFailsAloneAndTheRestOfItsBatchCommitsOnce() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Ledger ledger = StorageFixtures.ledger(db, meters);
        try {
            JdbcClient timed = client(db, 1);
            CountDownLatch running = new CountDownLatch(1);
            Future<String> held = callers.submit(() -> ledger.write(unit -> {
                insert(timed, "held");
                running.countDown();
                await(release);
                return "held";
            }));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            Future<?> first = callers.submit(() -> ledger.write(unit -> insert(timed, "first")));
            waitUntilQueued(meters, 1);
            Future<?> slow = callers.submit(() -> ledger
                .write(unit -> timed.sql("INSERT INTO note SELECT 'slow' WHERE (" + ENDLESS + ") > 0").update()));
            waitUntilQueued(meters, 2);
            Future<?> last = callers
                .submit(() -> ledger.write(unit -> timed.sql("INSERT INTO tally VALUES ('last')").update()));
            waitUntilQueued(meters, 3);
            release.countDown();

            assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("held");
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(QueryTimeoutException.class);
            assertThat(JdbcClient.create(db).sql("SELECT id FROM note ORDER BY id").query(String.class).list())
                .containsExactly("first", "held");
            assertThat(JdbcClient.create(db).sql("SELECT what FROM tally").query(String.class).list())
                .as("applied once")
                .containsExactly("last");
        }
        finally {
            ledger.destroy();
        }
    }

    static JdbcClient client(DataSource dataSource, int timeoutSeconds) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setQueryTimeout(timeoutSeconds);
        return JdbcClient.create(template);
    }

    static void waitUntilQueued(SimpleMeterRegistry meters, int units) {
        Awaitility.await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> meters.get("tallybot.writer.queue.depth").gauge().value() == units);
    }

    static int insert(JdbcClient jdbc, String id) {
        return jdbc.sql("INSERT INTO note VALUES (:id)").param("id", id).update();
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
