package cn.cdsw.tallybot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.util.unit.DataSize;

import cn.cdsw.tallybot.e2e.MutableClock;

/**
 * The ledger's health on a real SQLite file (docs/storage.md §11): out of service while
 * the file's volume has less free space than the minimum or a write just failed for the
 * database's sake, and up again once that is no longer so.
 */
class LedgerHealthTests {

    static final Duration HOLD = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T04:00:00Z"));

    DataSource db;

    Ledger ledger;

    @BeforeEach
    void setUp() {
        db = StorageFixtures.migratedSqlite(dir);
        ledger = new Ledger(new DataSourceTransactionManager(db), Database.SQLITE, properties(DataSize.ofBytes(0)),
                new WriterMetrics(new SimpleMeterRegistry()), new WriteFailures(clock));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        ledger.destroy();
    }

    @Test
    void lessFreeSpaceThanTheMinimumTakesItOutOfServiceAndMoreBringsItBack() throws IOException {
        long usable = Files.getFileStore(dir).getUsableSpace();

        Health short_ = health(DataSize.ofBytes(usable + DataSize.ofGigabytes(1024).toBytes()));
        Health enough = health(DataSize.ofBytes(1));

        assertThat(short_.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(short_.getDetails()).containsKeys("free", "minFree", "error");
        assertThat(enough.getStatus()).isEqualTo(Status.UP);
        assertThat(enough.getDetails()).containsEntry("path", dir.resolve("tallybot.db").toAbsolutePath().toString());
    }

    @Test
    void aWriteTheDatabaseCouldNotTakeTakesItOutOfServiceUntilTheHoldEndsOrAWriteSucceeds() {
        ledger.failures().failed("[SQLITE_FULL] database or disk is full");
        assertThat(health(DataSize.ofBytes(1)).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health(DataSize.ofBytes(1)).getDetails()).containsEntry("lastWriteFailure",
                "[SQLITE_FULL] database or disk is full");

        clock.advance(HOLD.plusSeconds(1));
        assertThat(health(DataSize.ofBytes(1)).getStatus()).as("let back in to try again").isEqualTo(Status.UP);

        clock.advance(Duration.ofMinutes(-1));
        assertThat(health(DataSize.ofBytes(1)).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        ledger.write(unit -> null);
        assertThat(health(DataSize.ofBytes(1)).getStatus()).as("a write succeeded").isEqualTo(Status.UP);
    }

    @Test
    void aDatabaseThatCannotBeReadIsDown() throws IOException {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken.resolve("tallybot.db"));
        DataSource unreadable = new org.springframework.jdbc.datasource.SimpleDriverDataSource(
                new StatementCachingSqliteDriver(), "jdbc:sqlite:" + broken.resolve("tallybot.db"));

        Health health = new LedgerHealth(Database.SQLITE, broken.resolve("tallybot.db"),
                properties(DataSize.ofBytes(1)), ledger, unreadable)
            .health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    Health health(DataSize minFree) {
        return new LedgerHealth(Database.SQLITE, dir.resolve("tallybot.db"), properties(minFree), ledger, db).health();
    }

    static StorageProperties properties(DataSize minFree) {
        return new StorageProperties(null, 2, Duration.ofSeconds(1), minFree, HOLD, Duration.ofSeconds(10));
    }

}
