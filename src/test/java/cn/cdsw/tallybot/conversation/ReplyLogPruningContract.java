package cn.cdsw.tallybot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.storage.Ledger;
import cn.cdsw.tallybot.storage.StorageFixtures;
import cn.cdsw.tallybot.testing.LogCapture;

/**
 * The reply log's pruning (docs/storage.md §9) on a real database: entries older than the
 * retention go, in bounded batches, newer ones stay and still answer a redelivery; the
 * counter and one INFO line per run that pruned something say how many. Run on SQLite
 * ({@link ReplyLogPruningTests}) and PostgreSQL
 * ({@link ReplyLogPruningPostgresIntegrationTests}).
 */
abstract class ReplyLogPruningContract {

    static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");

    static final Duration RETENTION = Duration.ofDays(1);

    @RegisterExtension
    final LogCapture log = LogCapture.of(ReplyLogPruning.class);

    final MutableClock clock = new MutableClock(NOW);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    DataSource db;

    HandledMessageRepository handled;

    Ledger ledger;

    abstract DataSource dataSource();

    @BeforeEach
    void setUp() {
        db = dataSource();
        handled = new HandledMessageRepository(JdbcClient.create(db), db);
        ledger = StorageFixtures.ledger(db, meters);
    }

    @AfterEach
    void stopLedger() throws InterruptedException {
        // null when the database was missing and the test skipped before it started
        if (ledger != null) {
            ledger.destroy();
        }
    }

    ReplyLogPruning pruning() {
        return new ReplyLogPruning(handled, ledger, clock,
                new ConversationProperties(7, Duration.ofMinutes(5), Duration.ofMinutes(10), RETENTION),
                new ReplyLogMetrics(meters));
    }

    @Test
    void entriesOlderThanTheRetentionGoAndNewerOnesStillAnswerARedelivery() {
        save("old", NOW.minus(RETENTION).minusSeconds(1));
        save("edge", NOW.minus(RETENTION));
        save("recent", NOW.minusSeconds(60));
        ReplyLogPruning pruning = pruning();

        assertThat(pruning.prune()).isEqualTo(1);

        assertThat(ids()).containsExactly("edge", "recent");
        assertThat(handled.find("onebot", "g", "recent", "h")).map(HandledMessage::replyText).contains("reply recent");
        assertThat(pruned()).isEqualTo(1);
        assertThat(log.lines(ch.qos.logback.classic.Level.INFO)).singleElement()
            .asString()
            .startsWith("Pruned 1 reply-log entries handled before 2026-11-28T04:00:00Z");

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(pruning.prune()).as("edge is now a second past the retention").isEqualTo(1);
        assertThat(ids()).containsExactly("recent");
        assertThat(pruned()).isEqualTo(2);
    }

    @Test
    void aRunThatPrunesNothingSaysNothing() {
        save("recent", NOW.minusSeconds(60));

        assertThat(pruning().prune()).isZero();

        assertThat(log.lines(ch.qos.logback.classic.Level.INFO)).isEmpty();
        assertThat(pruned()).isZero();
    }

    @Test
    void aLargeBacklogGoesInBoundedBatches() {
        int backlog = ReplyLogPruning.BATCH * 2 + 7;
        saveMany(backlog, NOW.minus(Duration.ofDays(30)));
        save("recent", NOW);

        assertThat(pruning().prune()).isEqualTo(backlog);

        assertThat(ids()).containsExactly("recent");
        assertThat(pruned()).isEqualTo(backlog);
    }

    @Test
    void twoReplicasPruningAtOnceDeleteEachEntryOnceAndNeitherFails() throws Exception {
        int backlog = ReplyLogPruning.BATCH * 4;
        saveMany(backlog, NOW.minus(Duration.ofDays(3)));
        ReplyLogPruning first = pruning();
        ReplyLogPruning second = pruning();
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = replicas.submit(first::prune);
            Future<Integer> b = replicas.submit(second::prune);

            assertThat(a.get() + b.get()).isEqualTo(backlog);
        }
        finally {
            replicas.shutdownNow();
        }
        assertThat(ids()).isEmpty();
        assertThat(pruned()).isEqualTo(backlog);
        log.lines(ch.qos.logback.classic.Level.INFO);
    }

    @Test
    void theRetentionCoversAtLeastTheDedupWindow() {
        assertThatThrownBy(
                () -> new ConversationProperties(7, Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofHours(1)))
            .hasMessageContaining("reply-log-retention");
    }

    void save(String id, Instant at) {
        handled.save(new HandledMessage("onebot", "g", id, "h", at, "reply " + id));
    }

    /**
     * {@code count} entries {@code m0}, {@code m1}, … a second apart from {@code first},
     * in one statement (a connection per statement would make this slow on PostgreSQL).
     */
    void saveMany(int count, Instant first) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO handled_message (platform, group_id, message_id, handled_at, reply_text) VALUES ");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ")
                .append("('onebot', 'g', 'm")
                .append(i)
                .append("', ")
                .append(first.plusSeconds(i).toEpochMilli())
                .append(", 'x')");
        }
        JdbcClient.create(db).sql(sql.toString()).update();
    }

    List<String> ids() {
        return JdbcClient.create(db)
            .sql("SELECT message_id FROM handled_message ORDER BY message_id")
            .query(String.class)
            .list();
    }

    double pruned() {
        return meters.get(ReplyLogMetrics.PRUNED).counter().count();
    }

}
