package cn.cdsw.tallybot.summary;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import cn.cdsw.tallybot.config.GroupConfig;
import cn.cdsw.tallybot.coordination.CoordinationProperties;
import cn.cdsw.tallybot.coordination.ReplicaId;
import cn.cdsw.tallybot.coordination.SummaryLock;
import cn.cdsw.tallybot.coordination.local.LocalSummaryLock;
import cn.cdsw.tallybot.config.GroupDirectory;
import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.report.SqliteTestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DailySummaryJobTests {

    static final CoordinationProperties COORDINATION = new CoordinationProperties(20, Duration.ofMinutes(1), 20,
            Duration.ofMinutes(1), Duration.ofMinutes(5));

    @TempDir
    Path dir;

    @Test
    void aFailingTickIsLoggedAndTheNextTickStillRuns() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
        SummaryClaimRepository claims = new SummaryClaimRepository(JdbcClient.create(SqliteTestDatabase.migrated(dir)));
        AtomicInteger composes = new AtomicInteger();
        SummaryComposer flaky = new SummaryComposer() {
            @Override
            public DailySummary compose(LocalDate date, boolean catchUp) {
                if (composes.incrementAndGet() == 1) {
                    throw new IllegalStateException("database busy");
                }
                return new DailySummary(date, "日报", null, catchUp);
            }

            @Override
            public void posted(DailySummary summary) {
            }
        };
        ScriptedSender sender = new ScriptedSender();
        SummaryDelivery delivery = new SummaryDelivery(claims, List.of(sender),
                new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(6), new Random(3)),
                true, "job-test", clock);
        DailySummaryService service = new DailySummaryService(claims, delivery, flaky,
                new GroupDirectory(List.of(new GroupConfig("onebot", "639921629", "街道社区用户群", true))),
                new PostSchedule(ZoneId.of("Asia/Shanghai"), LocalTime.of(20, 0), Duration.ofMinutes(10)));
        DailySummaryJob job = new DailySummaryJob(service, clock, new LocalSummaryLock(clock), new ReplicaId("a"),
                COORDINATION);

        assertThatNoException().isThrownBy(job::tick);
        clock.advance(Duration.ofMinutes(1));
        job.tick();

        assertThat(sender.delivered).hasSize(1);
    }

    @Test
    void aTickWaitsWhileAnotherReplicaHoldsTheSummaryLockAndRunsOnceItIsReleased() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
        SummaryClaimRepository claims = new SummaryClaimRepository(JdbcClient.create(SqliteTestDatabase.migrated(dir)));
        ScriptedSender sender = new ScriptedSender();
        SummaryDelivery delivery = new SummaryDelivery(claims, List.of(sender),
                new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(6), new Random(3)),
                true, "job-test", clock);
        SummaryComposer composer = new RecordingComposer();
        DailySummaryService service = new DailySummaryService(claims, delivery, composer,
                new GroupDirectory(List.of(new GroupConfig("onebot", "639921629", "街道社区用户群", true))),
                new PostSchedule(ZoneId.of("Asia/Shanghai"), LocalTime.of(20, 0), Duration.ofMinutes(10)));
        SummaryLock lock = new LocalSummaryLock(clock);
        ReplicaId other = new ReplicaId("b");
        DailySummaryJob job = new DailySummaryJob(service, clock, lock, new ReplicaId("a"), COORDINATION);

        lock.acquire(other, Duration.ofMinutes(5));
        job.tick();
        assertThat(sender.delivered).isEmpty();

        lock.release(other);
        job.tick();
        assertThat(sender.delivered).hasSize(1);
        assertThat(lock.acquire(other, Duration.ofMinutes(5))).as("the job released the lock").isTrue();
    }
}
