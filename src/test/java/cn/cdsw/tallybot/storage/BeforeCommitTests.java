package cn.cdsw.tallybot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A journal is closed once per transaction, just before it commits and inside it; never
 * for a transaction that rolls back; a transaction started inside another keeps its own;
 * outside a transaction there is none.
 */
class BeforeCommitTests {

    @TempDir
    Path dir;

    private DataSource db;

    private TransactionTemplate transaction;

    private final List<List<String>> closed = new ArrayList<>();

    /**
     * What a test notes; a list of its own type, so that the journal is found by kind.
     */
    static final class Notes extends ArrayList<String> {

    }

    @BeforeEach
    void setUp() {
        db = StorageFixtures.migratedSqlite(dir);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(db));
        JdbcClient.create(db).sql("CREATE TABLE closed_notes (notes TEXT NOT NULL)").update();
    }

    private void note(String what) {
        BeforeCommit.journal(Notes.class, Notes::new, notes -> {
            closed.add(List.copyOf(notes));
            // inside the transaction: this row commits with it, or not at all
            JdbcClient.create(db)
                .sql("INSERT INTO closed_notes VALUES (:notes)")
                .param("notes", notes.toString())
                .update();
        }).orElseThrow().add(what);
    }

    @Test
    void closesOnceJustBeforeTheCommitInsideTheTransaction() {
        transaction.executeWithoutResult(status -> {
            note("a");
            note("b");
            assertThat(closed).isEmpty();
        });

        assertThat(closed).containsExactly(List.of("a", "b"));
        assertThat(JdbcClient.create(db).sql("SELECT notes FROM closed_notes").query(String.class).list())
            .containsExactly("[a, b]");
    }

    @Test
    void aRolledBackTransactionClosesNothing() {
        transaction.executeWithoutResult(status -> {
            note("a");
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            note("b");
            throw new IllegalStateException("breaks");
        })).hasMessage("breaks");

        assertThat(closed).isEmpty();
    }

    @Test
    void aSavepointRolledBackKeepsItsNotesForTheCloserToCheck() {
        TransactionTemplate savepoint = new TransactionTemplate(new DataSourceTransactionManager(db));
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        transaction.executeWithoutResult(status -> {
            note("kept");
            savepoint.executeWithoutResult(inner -> {
                note("rolled back");
                inner.setRollbackOnly();
            });
        });

        assertThat(closed).containsExactly(List.of("kept", "rolled back"));
    }

    @Test
    void aTransactionInsideAnotherKeepsAJournalOfItsOwn() {
        TransactionTemplate separate = new TransactionTemplate(new DataSourceTransactionManager(db));
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // SQLite allows one writer: the inner transaction only notes, the outer one's
        // close writes after it
        transaction.executeWithoutResult(status -> {
            note("outer");
            separate.executeWithoutResult(
                    inner -> BeforeCommit.journal(Notes.class, Notes::new, notes -> closed.add(List.copyOf(notes)))
                        .orElseThrow()
                        .add("inner"));
        });

        assertThat(closed).containsExactly(List.of("inner"), List.of("outer"));
    }

    @Test
    void outsideATransactionThereIsNoJournal() {
        assertThat(BeforeCommit.journal(Notes.class, Notes::new, notes -> closed.add(notes))).isEmpty();
    }

}
