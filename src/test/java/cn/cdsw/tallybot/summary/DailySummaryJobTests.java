package cn.cdsw.tallybot.summary;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import cn.cdsw.tallybot.config.GroupConfig;
import cn.cdsw.tallybot.config.GroupDirectory;
import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.outbound.OutboundFixtures;
import cn.cdsw.tallybot.report.SqliteTestDatabase;
import cn.cdsw.tallybot.testing.LogCapture;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DailySummaryJobTests {

    static final GroupDirectory GROUPS = new GroupDirectory(
            List.of(new GroupConfig("onebot", "639921629", "街道社区用户群", true),
                    new GroupConfig("onebot", "1418159967", "社工站工作群", true)));

    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture log = LogCapture.of(DailySummaryJob.class);

    @Test
    void aFailingTickIsLoggedAndTheNextTickStillRuns() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
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
        DailySummaryJob job = job(SqliteTestDatabase.migrated(dir),
                new GroupDirectory(List.of(GROUPS.summaryGroups().get(0))), flaky, sender, "a", clock);

        assertThatNoException().isThrownBy(job::tick);
        clock.advance(Duration.ofMinutes(1));
        job.tick();

        assertThat(composes).as("the next tick composed again").hasValue(2);
        assertThat(sender.delivered).hasSize(1);
        assertThat(log.events(Level.ERROR)).singleElement().satisfies(error -> {
            assertThat(error.getFormattedMessage()).isEqualTo("Daily summary tick failed; trying again next tick");
            assertThat(error.getThrowableProxy()).as("the exception, for its stack trace")
                .isNotNull()
                .extracting(IThrowableProxy::getMessage)
                .isEqualTo("database busy");
        });
    }

    /**
     * Without a lock around the tick, the claims alone keep two replicas from posting a
     * day twice.
     */
    @Test
    void twoReplicasTickingTogetherPostOncePerGroup() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
        DataSource database = SqliteTestDatabase.migrated(dir);
        ScriptedSender sender = new ScriptedSender();
        List<DailySummaryJob> replicas = List.of(job(database, GROUPS, new RecordingComposer(), sender, "a", clock),
                job(database, GROUPS, new RecordingComposer(), sender, "b", clock));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int minute = 0; minute < 3; minute++) {
                List<Callable<Void>> ticks = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    DailySummaryJob replica = replicas.get(i % 2);
                    ticks.add(() -> {
                        replica.tick();
                        return null;
                    });
                }
                for (Future<Void> tick : pool.invokeAll(ticks)) {
                    tick.get();
                }
                clock.advance(Duration.ofMinutes(1));
            }
        }
        finally {
            pool.shutdownNow();
        }

        Map<String, Long> postsPerGroup = sender.delivered.stream()
            .collect(Collectors.groupingBy(sent -> sent.group().groupId(), Collectors.counting()));
        assertThat(postsPerGroup).isEqualTo(Map.of("639921629", 1L, "1418159967", 1L));
    }

    private static DailySummaryJob job(DataSource database, GroupDirectory groups, SummaryComposer composer,
            ScriptedSender sender, String owner, MutableClock clock) {
        SummaryClaimRepository claims = new SummaryClaimRepository(JdbcClient.create(database));
        SummaryDelivery delivery = new SummaryDelivery(claims,
                OutboundFixtures.inline(List.of(sender), clock, new SimpleMeterRegistry()),
                new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(6), new Random(3)),
                new SummaryDelivery.Settings(true, owner, Duration.ofMinutes(1), clock),
                new SummaryMetrics(new SimpleMeterRegistry()));
        DailySummaryService service = new DailySummaryService(claims, delivery, composer, groups,
                new PostSchedule(ZoneId.of("Asia/Shanghai"), LocalTime.of(20, 0), Duration.ofMinutes(10)));
        return new DailySummaryJob(service, clock);
    }

}
