package cn.cdsw.tallybot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.util.unit.DataSize;

import cn.cdsw.tallybot.storage.LedgerUnavailableException.Reason;
import cn.cdsw.tallybot.testing.LogCapture;

/**
 * The ledger when the database, not the work, fails (docs/storage.md §11), on SQLite as
 * the bot runs it (one pooled writing connection, the production PRAGMAs with a short
 * busy timeout): a full database and a database locked by another process each end in
 * {@link LedgerUnavailableException}, with nothing of the unit stored and the rest of its
 * batch unharmed; the writer works again once the cause is gone.
 */
class LedgerStorageFailureTests {

    static final String BIG = "x".repeat(400_000);

    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture log = LogCapture.of(Ledger.class, GroupCommit.class);

    HikariDataSource pool;

    JdbcClient jdbc;

    Ledger ledger;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    final ExecutorService callers = Executors.newFixedThreadPool(8);

    @BeforeEach
    void setUp() {
        StorageFixtures.migratedSqlite(dir);
        pool = new HikariDataSource();
        pool.setJdbcUrl(url());
        pool.setDriverClassName(StatementCachingSqliteDriver.class.getName());
        pool.setDataSourceProperties(StorageFixtures.sqlitePragmas());
        pool.addDataSourceProperty("busy_timeout", "200");
        pool.setMaximumPoolSize(1);
        jdbc = JdbcClient.create(pool);
        jdbc.sql("CREATE TABLE note (id TEXT PRIMARY KEY, body TEXT)").update();
        ledger = new Ledger(
                new DataSourceTransactionManager(pool), Database.SQLITE, new StorageProperties(null, 2,
                        Duration.ofSeconds(2), DataSize.ofBytes(0), Duration.ofSeconds(30), Duration.ofSeconds(10)),
                new WriterMetrics(meters));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        callers.shutdownNow();
        ledger.destroy();
        pool.close();
    }

    @Test
    void aFullDatabaseFailsTheUnitThatNeedsSpaceAndNothingElse() throws Exception {
        ledger.write(unit -> jdbc.sql("INSERT INTO note VALUES ('before', 'small')").update());
        capTheDatabaseAtItsSize();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> held = callers.submit(() -> ledger.write(unit -> {
            insert("held", "small");
            running.countDown();
            await(release);
            return null;
        }));
        await(running);
        Future<Object> big = callers.submit(() -> ledger.write(unit -> {
            insert("big-first-line", "small");
            return insert("big", BIG);
        }));
        Future<Object> small = callers.submit(() -> ledger.write(unit -> insert("small", "small")));
        Awaitility.await().until(() -> meters.get(WriterMetrics.QUEUE_DEPTH).gauge().value() == 2);
        release.countDown();

        held.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> big.get(10, TimeUnit.SECONDS)).cause()
            .isInstanceOf(LedgerUnavailableException.class)
            .extracting(e -> ((LedgerUnavailableException) e).reason())
            .isEqualTo(Reason.CANNOT_WRITE);
        small.get(10, TimeUnit.SECONDS);
        assertThat(notes()).as("nothing of the big unit, all of the others")
            .containsExactlyInAnyOrder("before", "held", "small");
        assertThatThrownBy(() -> ledger.write(unit -> insert("big", BIG)))
            .isInstanceOf(LedgerUnavailableException.class);
        assertThat(ledger.failures().last()).as("the health's evidence").isPresent();
        assertThat(log.warnings()).anyMatch(line -> line.contains("cannot take writes"));

        ledger.write(unit -> jdbc.sql("PRAGMA max_page_count = 1073741823").query(Long.class).single());
        ledger.write(unit -> insert("big", BIG));
        assertThat(notes()).contains("big");
        assertThat(ledger.failures().last()).as("a write succeeded since").isEmpty();
    }

    @Test
    void aLockHeldLongerThanTheRetriesFailsAsBusyAndStoresNothing() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (Connection other = DriverManager.getConnection(url()); Statement lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");

            assertThatThrownBy(() -> ledger.write(unit -> {
                runs.incrementAndGet();
                return insert("locked out", "small");
            })).isInstanceOf(LedgerUnavailableException.class)
                .extracting(e -> ((LedgerUnavailableException) e).reason())
                .isEqualTo(Reason.BUSY);
            lock.execute("ROLLBACK");
        }
        assertThat(runs).as("tried again within busy-retry-for").hasValueGreaterThan(1);
        assertThat(notes()).isEmpty();
        assertThat(ledger.failures().last()).as("a lock says nothing about the disk").isEmpty();
        assertThat(log.warnings()).anyMatch(line -> line.contains("locked by another writer"));

        ledger.write(unit -> insert("after", "small"));
        assertThat(notes()).containsExactly("after");
    }

    @Test
    void aLockReleasedWhileRetryingLetsEveryWaitingUnitCommitOnce() throws Exception {
        List<Future<Integer>> writes;
        try (Connection other = DriverManager.getConnection(url()); Statement lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");
            writes = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> callers.submit(() -> ledger.write(unit -> insert("n" + i, "small"))))
                .toList();
            Thread.sleep(300);
            lock.execute("ROLLBACK");
        }
        for (Future<Integer> write : writes) {
            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(notes()).hasSize(20);
        log.warnings();
    }

    /**
     * SQLite's honest full disk: the writing connection may not grow the file, and the
     * free pages it could reuse are used up first.
     */
    void capTheDatabaseAtItsSize() {
        ledger.write(unit -> {
            jdbc.sql("CREATE TABLE filler (b BLOB)").update();
            long pages = jdbc.sql("PRAGMA page_count").query(Long.class).single();
            jdbc.sql("PRAGMA max_page_count = " + pages).query(Long.class).single();
            return null;
        });
        for (int size : new int[] { 4000, 1000, 100 }) {
            while (true) {
                try {
                    ledger.write(unit -> jdbc.sql("INSERT INTO filler VALUES (zeroblob(" + size + "))").update());
                }
                catch (LedgerUnavailableException full) {
                    break;
                }
            }
        }
        ledger.write(unit -> jdbc.sql("DELETE FROM filler WHERE rowid = (SELECT MAX(rowid) FROM filler)").update());
        log.warnings();
    }

    int insert(String id, String body) {
        return jdbc.sql("INSERT INTO note VALUES (:id, :body)").param("id", id).param("body", body).update();
    }

    List<String> notes() {
        return jdbc.sql("SELECT id FROM note ORDER BY id").query(String.class).list();
    }

    String url() {
        return "jdbc:sqlite:" + dir.resolve("tallybot.db");
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
