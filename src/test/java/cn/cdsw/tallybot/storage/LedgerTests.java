package cn.cdsw.tallybot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.testing.LogCapture;

/**
 * The ledger's promises on SQLite, where it batches units by group commit
 * (docs/storage.md §8): an answer means committed; a unit that rolls back keeps its
 * result but none of its writes or side effects; side effects run after the commit and
 * before the answer; a unit inside another is part of it; queued units survive a
 * shutdown.
 */
class LedgerTests {

    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture log = LogCapture.of(AfterCommit.class, Ledger.class, GroupCommit.class);

    DataSource db;

    Ledger ledger;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    final ExecutorService callers = Executors.newFixedThreadPool(4);

    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        db = StorageFixtures.migratedSqlite(dir);
        JdbcClient.create(db).sql("CREATE TABLE note (id TEXT PRIMARY KEY)").update();
        ledger = StorageFixtures.ledger(db, meters);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        release.countDown();
        callers.shutdownNow();
        ledger.destroy();
    }

    @Test
    void unitsRunOnTheWriterAndAreAnsweredOnlyOnceCommitted() throws Exception {
        Future<String> held = holdTheWriter();
        Future<String> queued = callers.submit(() -> ledger.write(unit -> {
            insert("queued");
            return Thread.currentThread().getName();
        }));
        waitUntilQueued(1);
        assertThat(notes()).as("nothing is committed while the batch is held").isEmpty();
        release.countDown();

        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("group-commit");
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("group-commit");
        assertThat(notes()).containsExactlyInAnyOrder("held", "queued");
        assertThat(meters.get("tallybot.writer.batch.size").summary().totalAmount()).isEqualTo(2);
    }

    @Test
    void aRolledBackUnitKeepsItsResultButNotItsWritesOrSideEffects() {
        List<String> effects = new CopyOnWriteArrayList<>();

        String result = ledger.write(unit -> {
            insert("undone");
            AfterCommit.run(() -> effects.add("undone"));
            unit.rollback();
            return "answered anyway";
        });
        ledger.write(unit -> {
            insert("kept");
            AfterCommit.run(() -> effects.add("kept"));
            return null;
        });

        assertThat(result).isEqualTo("answered anyway");
        assertThat(notes()).containsExactly("kept");
        assertThat(effects).containsExactly("kept");
    }

    @Test
    void aFailingUnitTakesNoneOfItsBatchWithIt() throws Exception {
        Future<String> held = holdTheWriter();
        Future<Object> failing = callers.submit(() -> ledger.write(unit -> {
            insert("failing");
            throw new IllegalStateException("breaks");
        }));
        Future<Object> next = callers.submit(() -> ledger.write(unit -> insert("next")));
        waitUntilQueued(2);
        release.countDown();

        held.get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("breaks");
        next.get(5, TimeUnit.SECONDS);
        assertThat(notes()).containsExactlyInAnyOrder("held", "next");
    }

    @Test
    void sideEffectsRunAfterTheCommitAndBeforeTheAnswer() {
        List<List<String>> seen = new ArrayList<>();

        ledger.write(unit -> {
            insert("durable");
            // a fresh connection sees only what is committed
            AfterCommit.run(() -> seen.add(notes()));
            return null;
        });

        assertThat(seen).as("ran before write returned, and saw the commit").containsExactly(List.of("durable"));
    }

    @Test
    void aFailingSideEffectLeavesTheUnitCommittedAndItsCallerAnswered() {
        String result = ledger.write(unit -> {
            insert("committed");
            AfterCommit.run(() -> {
                throw new IllegalStateException("the counter broke");
            });
            return "answered";
        });

        assertThat(result).isEqualTo("answered");
        assertThat(notes()).containsExactly("committed");
        assertThat(log.errors()).singleElement().asString().contains("stays committed");
    }

    @Test
    void aUnitInsideAnotherIsPartOfItAndNeverQueuesBehindIt() {
        List<String> effects = new CopyOnWriteArrayList<>();

        String result = ledger.write(outer -> {
            insert("outer");
            String inner = ledger.write(unit -> {
                insert("inner");
                AfterCommit.run(() -> effects.add("inner"));
                return "inner ran";
            });
            assertThat(effects).as("the inner unit's side effects wait for the outer commit").isEmpty();
            outer.rollback();
            return inner;
        });

        assertThat(result).isEqualTo("inner ran");
        assertThat(notes()).as("rolled back with the outer unit").isEmpty();
        assertThat(effects).isEmpty();
    }

    @Test
    void workLeftToTheWriterCommitsWithoutItsCallerWaiting() throws Exception {
        Future<String> held = holdTheWriter();

        ledger.writeLater(unit -> insert("later"));
        waitUntilQueued(1);
        assertThat(notes()).isEmpty();
        release.countDown();

        held.get(5, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> notes().contains("later"));
    }

    @Test
    void unitsStillQueuedAtShutdownCommitAlone() throws Exception {
        Future<String> held = holdTheWriter();
        Future<Object> queued = callers.submit(() -> ledger.write(unit -> insert("queued")));
        waitUntilQueued(1);

        Future<?> stopping = callers.submit(() -> {
            ledger.destroy();
            return null;
        });
        release.countDown();
        stopping.get(10, TimeUnit.SECONDS);

        held.get(5, TimeUnit.SECONDS);
        queued.get(5, TimeUnit.SECONDS);
        assertThat(notes()).containsExactlyInAnyOrder("held", "queued");
        int inserted = ledger.write(unit -> insert("after the stop"));
        assertThat(inserted).as("committed alone").isEqualTo(1);
    }

    /**
     * A unit that holds the writer's batch open until {@link #release}; returns the
     * writer thread's name.
     */
    Future<String> holdTheWriter() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Future<String> held = callers.submit(() -> ledger.write(unit -> {
            insert("held");
            running.countDown();
            await(release);
            return Thread.currentThread().getName();
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    int insert(String id) {
        // the unit's transaction is bound to this thread; JdbcClient joins it
        return JdbcClient.create(db).sql("INSERT INTO note VALUES (:id)").param("id", id).update();
    }

    List<String> notes() {
        return JdbcClient.create(db).sql("SELECT id FROM note ORDER BY id").query(String.class).list();
    }

    void waitUntilQueued(int units) {
        Awaitility.await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> meters.get("tallybot.writer.queue.depth").gauge().value() == units);
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
