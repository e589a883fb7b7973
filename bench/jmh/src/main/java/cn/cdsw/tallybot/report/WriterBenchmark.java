package cn.cdsw.tallybot.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cdsw.tallybot.bench.BenchDataSource;
import cn.cdsw.tallybot.conversation.HandledMessage;
import cn.cdsw.tallybot.conversation.HandledMessageRepository;

/**
 * The writer's own work for one group commit, without HTTP, parsing or other threads (bench/writer.sh): a batch of
 * {@code batch} reports in one transaction, each in its own savepoint with its record, metric and item lines, audit
 * line and reply-log row, then the batch's rollups and the commit — what {@code storage.GroupCommit} runs on its
 * thread. Measured on a fresh SQLite file with the product's settings; {@code tallybot.bench.driver} swaps the
 * driver (BenchDataSource), for an A/B of the statement cache on the write path. Besides the time per batch it
 * counts the benchmark thread's CPU time ({@link Cpu}): on a busy machine the wall time waits for other processes,
 * the CPU time much less.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WriterBenchmark {

    private static final List<String[]> STATIONS = List.of(new String[] { "锦江区", "三圣街道社工站" },
            new String[] { "金牛区", "荷花池街道社工站" }, new String[] { "成华区", "猛追湾街道社工站" });

    @Param({ "32" })
    public int batch;

    private Path dir;
    private HikariDataSource dataSource;
    private ReportService reports;
    private HandledMessageRepository handled;
    private TransactionTemplate transaction;
    private TransactionTemplate savepoint;
    private long message;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("tallybot-writer-bench");
        dataSource = BenchDataSource.open(dir.resolve("tallybot.db"));
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        reports = new ReportService(new RecordRepository(jdbc, new RecordLineRepository(jdbc),
                new RollupRepository(jdbc)), new RecordAuditRepository(jdbc), new BindingRepository(jdbc),
                Clock.systemUTC(), new LedgerEntryRepository(new JdbcTemplate(dataSource)));
        handled = new HandledMessageRepository(jdbc);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        transaction = new TransactionTemplate(transactions);
        savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        dataSource.close();
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    /** The thread's CPU time over the batches of an iteration; CPU per batch is {@code cpuMicros / batches}. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        public long cpuMicros;
        public long batches;

        @Setup(Level.Iteration)
        public void reset() {
            cpuMicros = 0;
            batches = 0;
        }

        long now() {
            return THREADS.getCurrentThreadCpuTime() / 1000;
        }
    }

    /** One batch; divide the time by {@code batch} for one report's share of the writer. */
    @Benchmark
    public long groupCommit(Cpu cpu) {
        long start = cpu.now();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < batch; i++) {
                long id = message++;
                savepoint.executeWithoutResult(unit -> store(id));
            }
        });
        cpu.cpuMicros += cpu.now() - start;
        cpu.batches++;
        return message;
    }

    private void store(long id) {
        String[] station = STATIONS.get((int) (id % STATIONS.size()));
        Instant at = Instant.parse("2026-11-29T04:00:00Z").plusMillis(id);
        RecordSource source = new RecordSource("onebot", "1418159967", String.valueOf(300_000 + id), "张三",
                String.valueOf(id), at);
        ReportContent content = new ReportContent(station[0], station[1], null, LocalDate.of(2026, 11, 29),
                List.of(new Metric("visits", "户", 1 + id % 89, false), new Metric("cases", "个", 2, false)),
                List.of(new Item("大米", 1 + id % 7, "袋", false)), 1 + id % 7, null, null);
        StoreResult stored = reports.store(source, content, "#上报 " + station[0] + " " + station[1] + " 走访");
        handled.save(new HandledMessage("onebot", "1418159967", String.valueOf(id), "h" + id, at,
                "✅ 已记录 #" + stored.record().id()));
    }
}
