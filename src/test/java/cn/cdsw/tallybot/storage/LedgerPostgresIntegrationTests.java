package cn.cdsw.tallybot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import cn.cdsw.tallybot.testing.PostgresSchema;

/**
 * On PostgreSQL the ledger decides against group commit (docs/storage.md §8): each unit
 * commits alone on its caller's thread, the writer's meters stay at 0, a batch size is
 * refused, and a unit keeps the same promises about rollback and side effects as in a
 * batch.
 */
class LedgerPostgresIntegrationTests {

    PostgresSchema schema;

    DataSource db;

    Ledger ledger;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() {
        schema = PostgresSchema.create();
        db = schema.dataSource();
        JdbcClient.create(db).sql("CREATE TABLE note (id TEXT PRIMARY KEY)").update();
        ledger = StorageFixtures.ledger(db, meters);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (ledger != null) {
            ledger.destroy();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void eachUnitCommitsAloneOnItsCallersThread() {
        String thread = ledger.write(unit -> {
            insert("alone");
            return Thread.currentThread().getName();
        });

        assertThat(thread).isEqualTo(Thread.currentThread().getName());
        assertThat(notes()).containsExactly("alone");
        assertThat(meters.get("tallybot.writer.batch.size").summary().count()).isZero();
        assertThat(meters.get("tallybot.writer.queue.depth").gauge().value()).isZero();
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
        ledger.writeLater(unit -> {
            AfterCommit.run(() -> effects.add("later"));
            return insert("later");
        });

        assertThat(result).isEqualTo("answered anyway");
        assertThat(notes()).as("without a writer, work left for later commits at once").containsExactly("later");
        assertThat(effects).containsExactly("later");
    }

    @Test
    void aBatchSizeIsRefusedBecauseReplicasWouldWaitOnEachOther() {
        assertThatThrownBy(() -> new Ledger(new DataSourceTransactionManager(db), Database.of(db),
                new StorageProperties(64, 2, java.time.Duration.ofSeconds(10)),
                new WriterMetrics(new SimpleMeterRegistry())))
            .hasMessageContaining("tallybot.storage.max-batch=64");
    }

    int insert(String id) {
        return JdbcClient.create(db).sql("INSERT INTO note VALUES (:id)").param("id", id).update();
    }

    List<String> notes() {
        return JdbcClient.create(db).sql("SELECT id FROM note ORDER BY id").query(String.class).list();
    }

}
