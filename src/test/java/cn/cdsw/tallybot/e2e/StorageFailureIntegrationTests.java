package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.storage.Ledger;
import cn.cdsw.tallybot.testing.LogCapture;
import cn.cdsw.tallybot.testing.ShippedWording;

/**
 * The webhook when the database cannot store a report (docs/storage.md §11): a full
 * database (SQLite's {@code max_page_count} on the writing connection, with the free
 * pages used up) and a lock held by another process for longer than the busy timeout and
 * the ledger's retries. Every report is either stored and confirmed or answered in
 * Chinese that it was not stored, never with a 5xx and never half stored; the readiness
 * probe goes out of service while writes fail and comes back. Short timeouts keep it
 * quick: SQLite waits 200 ms for a lock, the ledger retries for 1 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "tallybot.test.own-context=storage-failure",
                "spring.datasource.hikari.data-source-properties.busy_timeout=200",
                "tallybot.storage.busy-retry-for=1s", "tallybot.storage.failure-hold=1m" })
class StorageFailureIntegrationTests extends WebhookTestBase {

    static final String REPORT = "#上报 锦江区 三圣街道社工站 走访5户";

    @RegisterExtension
    final LogCapture log = LogCapture.named("cn.cdsw.tallybot.storage");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    final ExecutorService members = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        members.shutdownNow();
        uncap();
    }

    @Test
    void aFullDatabaseStoresNothingSaysSoAndTakesTheReplicaOutOfRotationUntilItCanWriteAgain() {
        int before = recordCount();
        assertThat(readiness().status()).isEqualTo(200);
        capTheDatabaseAtItsSize();

        // each note (150 characters, within the note's cap) takes room; the pages of the
        // records still have some, so reports are stored until one needs a page the
        // database may not grow by; each is either stored and confirmed or refused
        int stored = 0;
        WebhookClient.Answer answer = null;
        for (int i = 0; i < 60; i++) {
            answer = say(30001 + i, REPORT + " 备注：" + "很长的说明".repeat(30) + i);
            assertThat(answer.status()).isEqualTo(200);
            if (!answer.replyText().contains("已记录")) {
                break;
            }
            stored++;
        }

        assertThat(answer.replyText()).isEqualTo(ShippedWording.WORDING.commandRefusals().storageUnavailable());
        assertThat(recordCount()).as("only the confirmed reports stored").isEqualTo(before + stored);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM handled_message WHERE reply_text LIKE '%暂时无法保存%'")
            .query(Long.class)
            .single()).as("no reply recorded, so a resend is handled afresh").isZero();
        WebhookClient.Answer ready = readiness();
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.body()).contains("OUT_OF_SERVICE");
        assertThat(bot.get("/actuator/health", null).status()).isEqualTo(503);
        assertThat(log.warnings()).anyMatch(line -> line.contains("cannot take writes"));

        clock.advance(Duration.ofMinutes(2));
        assertThat(readiness().status()).as("back in rotation after failure-hold, to try again").isEqualTo(200);
        uncap();
        WebhookClient.Answer again = say(30001, REPORT + " 备注：" + "很长的说明".repeat(30) + "再发");
        assertThat(again.replyText()).contains("已记录");
        assertThat(recordCount()).isEqualTo(before + stored + 1);
        assertThat(readiness().status()).isEqualTo(200);
    }

    @Test
    void aLockHeldByAnotherProcessGetsEveryReportStoredOrARetryAnswerAndNever5xx() throws Exception {
        int before = recordCount();
        List<Future<WebhookClient.Answer>> answers;
        // the file the bot writes (the test's URL property makes a new one each time it
        // is read)
        String file = ledger.read(() -> jdbc.sql("SELECT file FROM pragma_database_list WHERE name = 'main'")
            .query(String.class)
            .single());
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement lock = other.createStatement()) {
            lock.execute("BEGIN EXCLUSIVE");
            answers = IntStream.range(0, 24).mapToObj(i -> members.submit(() -> say(30100 + i, REPORT))).toList();
            // longer than the busy timeout and the retries: the first reports must give
            // up
            Thread.sleep(2_000);
            lock.execute("ROLLBACK");
        }
        int confirmed = 0;
        int retry = 0;
        for (Future<WebhookClient.Answer> future : answers) {
            WebhookClient.Answer answer = future.get();
            assertThat(answer.status()).isEqualTo(200);
            if (answer.replyText().contains("已记录")) {
                confirmed++;
            }
            else {
                assertThat(answer.replyText()).isEqualTo(ShippedWording.WORDING.commandRefusals().storageBusy());
                retry++;
            }
        }
        assertThat(retry).as("some reports waited longer than the retries").isPositive();
        assertThat(recordCount()).as("exactly the confirmed reports are stored").isEqualTo(before + confirmed);
        assertThat(say(30200, REPORT).replyText()).contains("已记录");
        assertThat(log.warnings()).anyMatch(line -> line.contains("locked by another writer"));
    }

    WebhookClient.Answer readiness() {
        return bot.get("/actuator/health/readiness", TOKEN);
    }

    /**
     * SQLite's honest full disk: the writing connection may not grow the file, and the
     * free pages it could still reuse are used up first.
     */
    void capTheDatabaseAtItsSize() {
        ledger.write(unit -> {
            jdbc.sql("CREATE TABLE IF NOT EXISTS filler (b BLOB)").update();
            long pages = jdbc.sql("PRAGMA page_count").query(Long.class).single();
            return jdbc.sql("PRAGMA max_page_count = " + pages).query(Long.class).single();
        });
        for (int size : new int[] { 4000, 1000, 100 }) {
            while (true) {
                try {
                    ledger.write(unit -> jdbc.sql("INSERT INTO filler VALUES (zeroblob(" + size + "))").update());
                }
                catch (RuntimeException full) {
                    break;
                }
            }
        }
        // a write that fits: the ledger's evidence of the failed ones is cleared
        ledger.write(unit -> jdbc.sql("DELETE FROM filler WHERE rowid = (SELECT MAX(rowid) FROM filler)").update());
        log.warnings();
    }

    void uncap() {
        ledger.write(unit -> jdbc.sql("PRAGMA max_page_count = 1073741823").query(Long.class).single());
    }

}
