package cn.cdsw.tallybot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.coordination.local.LocalDeduplicator;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.SenderRole;
import cn.cdsw.tallybot.report.SqliteTestDatabase;
import cn.cdsw.tallybot.storage.AfterCommit;
import cn.cdsw.tallybot.storage.Ledger;
import cn.cdsw.tallybot.storage.StorageFixtures;

/**
 * The reply log on the ledger's group commit keeps each message's promise
 * (docs/storage.md §8, §9): an answer means committed, a failing message takes none of
 * its batch with it, and a delivery and its redelivery in one batch store once and answer
 * alike.
 */
class GroupCommitTests {

    private static final Instant AT = Instant.parse("2026-11-28T11:00:00Z");

    /** The writer's meters, as docs/operations.md names them. */
    private static final String QUEUE_DEPTH = "tallybot.writer.queue.depth";

    private static final String BATCH_SIZE = "tallybot.writer.batch.size";

    @TempDir
    Path dir;

    private DataSource db;

    private Ledger ledger;

    private ReplyLog replyLog;

    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() {
        db = SqliteTestDatabase.migrated(dir);
        ledger = StorageFixtures.ledger(db, meters);
        HandledMessageRepository handled = new HandledMessageRepository(JdbcClient.create(db));
        replyLog = new ReplyLog(handled, new LocalDeduplicator(Clock.systemUTC()), ledger,
                new ConversationProperties(7, Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(1)),
                ReplyOutboxes.none(handled));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        callers.shutdownNow();
        ledger.destroy();
    }

    @Test
    void answersOnlyWhatIsCommittedAndIsolatesAFailingMessage() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the first message holds the writer, so the next ones queue up and commit as one
        // batch
        Future<Optional<String>> first = callers.submit(() -> replyLog.once(message("1"), () -> {
            firstRunning.countDown();
            hold(release);
            return Optional.of("reply 1");
        }));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<Optional<String>>> batch = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            String id = String.valueOf(i);
            batch.add(callers.submit(() -> replyLog.once(message(id), () -> {
                if (id.equals("4")) {
                    throw new IllegalStateException("message 4 breaks");
                }
                return Optional.of("reply " + id);
            })));
        }
        waitUntilQueued(5);
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).contains("reply 1");
        for (int i = 0; i < batch.size(); i++) {
            Future<Optional<String>> answer = batch.get(i);
            if (i + 2 == 4) {
                assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("message 4 breaks");
            }
            else {
                assertThat(answer.get(5, TimeUnit.SECONDS)).contains("reply " + (i + 2));
                // answered means durable: a fresh connection already sees the row
                assertThat(handledIds()).contains(String.valueOf(i + 2));
            }
        }
        assertThat(handledIds()).containsExactlyInAnyOrder("1", "2", "3", "5", "6");
    }

    @Test
    void redeliveryInTheSameBatchStoresOnceAndGetsTheFirstAnswer() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Optional<String>> blocker = callers.submit(() -> replyLog.once(message("0"), () -> {
            firstRunning.countDown();
            hold(release);
            return Optional.empty();
        }));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Optional<String>> delivery = callers
            .submit(() -> replyLog.once(message("7"), () -> Optional.of("first")));
        waitUntilQueued(1);
        Future<Optional<String>> redelivery = callers
            .submit(() -> replyLog.once(message("7"), () -> Optional.of("second")));
        waitUntilQueued(2);
        release.countDown();

        assertThat(blocker.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(delivery.get(5, TimeUnit.SECONDS)).contains("first");
        assertThat(redelivery.get(5, TimeUnit.SECONDS)).contains("first");
        assertThat(handledIds()).containsExactlyInAnyOrder("0", "7");
    }

    @Test
    void aRedeliveryInTheSameBatchDropsTheSideEffectsOfItsWork() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger posted = new AtomicInteger();
        Future<Optional<String>> blocker = callers.submit(() -> replyLog.once(message("0"), () -> {
            firstRunning.countDown();
            hold(release);
            return Optional.empty();
        }));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        // as #日报 does: post the summary once the message's work has committed
        Supplier<Optional<String>> postSummary = () -> {
            AfterCommit.run(posted::incrementAndGet);
            return Optional.of("posting");
        };
        Future<Optional<String>> delivery = callers.submit(() -> replyLog.once(message("8"), postSummary));
        waitUntilQueued(1);
        Future<Optional<String>> redelivery = callers.submit(() -> replyLog.once(message("8"), postSummary));
        waitUntilQueued(2);
        release.countDown();

        assertThat(blocker.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(delivery.get(5, TimeUnit.SECONDS)).contains("posting");
        assertThat(redelivery.get(5, TimeUnit.SECONDS)).contains("posting");
        assertThat(posted).as("side effects run for the recorded delivery only").hasValue(1);
    }

    @Test
    void measuresTheWaitingQueueAndTheSizeOfEachBatch() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Optional<String>> first = callers.submit(() -> replyLog.once(message("20"), () -> {
            firstRunning.countDown();
            hold(release);
            return Optional.empty();
        }));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<Optional<String>>> batch = new ArrayList<>();
        for (int i = 21; i <= 23; i++) {
            String id = String.valueOf(i);
            batch.add(callers.submit(() -> replyLog.once(message(id), () -> Optional.of("reply " + id))));
        }
        waitUntilQueued(3);

        assertThat(meters.get(QUEUE_DEPTH).gauge().value()).isEqualTo(3);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (Future<Optional<String>> answer : batch) {
            answer.get(5, TimeUnit.SECONDS);
        }

        DistributionSummary batches = meters.get(BATCH_SIZE).summary();
        assertThat(batches.count()).isEqualTo(2);
        assertThat(batches.totalAmount()).isEqualTo(4);
        assertThat(batches.max()).isEqualTo(3);
        assertThat(meters.get(QUEUE_DEPTH).gauge().value()).isZero();
    }

    private List<String> handledIds() {
        return JdbcClient.create(db).sql("SELECT message_id FROM handled_message").query(String.class).list();
    }

    private void waitUntilQueued(int tasks) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> meters.get(QUEUE_DEPTH).gauge().value() == tasks);
    }

    private static void hold(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ChatMessage message(String id) {
        return new ChatMessage("onebot", "1418159967", "10001", "张三", SenderRole.MEMBER, id, "#上报", false, AT);
    }

}
