package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.storage.Ledger;

/**
 * On SQLite, #统计, #排行 and #明细 are answered from a read connection while the writer holds
 * a batch open (docs/storage.md §8): they never queue behind it, see only what is
 * committed, and their replies are still recorded once, by the writer's next batch. A
 * report sent meanwhile waits for the writer, as it must. Its own application context, so
 * that its database holds only this test's records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tallybot.test.own-context=read-only-commands")
class ReadOnlyCommandsIntegrationTests extends WebhookTestBase {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void queriesAnswerWhileTheWriterHoldsABatchAndTheirRepliesAreRecordedOnce() throws Exception {
        say(1, "#上报 锦江区 三圣街道社工站 走访196户");
        String committed = say(3, "#统计 今天 锦江区").replyText();
        String listed = say(3, "#明细 今天 锦江区").replyText();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            // a unit that keeps the writer's batch open, holding SQLite's write lock
            Future<Object> held = pool.submit(() -> ledger.write(unit -> {
                jdbc.sql("""
                        INSERT INTO handled_message (platform, group_id, message_id, handled_at, reply_text)
                        VALUES ('onebot', 'held', 'held', 0, NULL)""").update();
                holding.countDown();
                await(release);
                return null;
            }));
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
            Future<WebhookClient.Answer> report = pool.submit(() -> say(2, "#上报 锦江区 三圣街道社工站 走访4户"));
            Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> meters.get("tallybot.writer.queue.depth").gauge().value() == 1);

            long totals = nextId();
            WebhookClient.Answer answer = bot
                .post(OneBotEvents.groupMessage(GROUP, totals, 3, "member", "#统计 今天 锦江区", clock.instant()));
            WebhookClient.Answer ranking = say(3, "#排行 走访 今天");
            WebhookClient.Answer list = say(3, "#明细 今天 锦江区");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.replyText()).as("what was committed, without the queued report").isEqualTo(committed);
            assertThat(ranking.replyText()).contains("锦江区");
            assertThat(list.replyText()).isEqualTo(listed);
            assertThat(report.isDone()).as("the report still waits for the writer").isFalse();

            release.countDown();
            held.get(5, TimeUnit.SECONDS);
            assertThat(report.get(5, TimeUnit.SECONDS).replyText()).startsWith("✅ 已记录");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> replies(totals) == 1);
            assertThat(jdbc.sql("SELECT reply_text FROM handled_message WHERE message_id = :id")
                .param("id", String.valueOf(totals))
                .query(String.class)
                .single()).isEqualTo(answer.replyText());
        }
        finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aRedeliveredQueryGetsTheRecordedAnswer() {
        say(1, "#上报 锦江区 三圣街道社工站 走访5户");
        long id = nextId();
        byte[] query = OneBotEvents.groupMessage(GROUP, id, 3, "member", "#统计 今天 锦江区", clock.instant());
        String first = bot.post(query).replyText();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> replies(id) == 1);
        say(1, "#上报 锦江区 三圣街道社工站 走访7户");

        assertThat(bot.post(query).replyText()).as("answered from the reply log, not computed again").isEqualTo(first);
        assertThat(replies(id)).isEqualTo(1);
    }

    long replies(long messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM handled_message WHERE message_id = :id")
            .param("id", String.valueOf(messageId))
            .query(Long.class)
            .single();
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
