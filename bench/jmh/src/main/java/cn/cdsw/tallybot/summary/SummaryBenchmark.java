package cn.cdsw.tallybot.summary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.bench.BenchDataSource;
import cn.cdsw.tallybot.bench.BenchDatabase;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigLoader;
import cn.cdsw.tallybot.query.QueryServices;
import cn.cdsw.tallybot.wording.Wording;

/**
 * Composing the evening post (text and chart) for the last day of the benchmark database (bench/summary.sh, target
 * <= 200 ms; sending excluded). The bench bot-config lists 2,000 units and 200 summary groups; a tick composes
 * once for all groups, so one compose is the unit of work. The seven days before were posted (their snapshots
 * exist), so the 更正 comparison runs as in production.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SummaryBenchmark {

    private HikariDataSource dataSource;
    private DailySummaryComposer composer;

    @Setup(Level.Trial)
    public void setUp() {
        dataSource = BenchDataSource.open(BenchDataSource.pathProperty("tallybot.bench.db"));
        BotConfig config = BotConfigLoader.load(BenchDataSource.pathProperty("tallybot.bench.config"));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.fixed(BenchDatabase.LAST_DAY.atTime(20, 0).toInstant(ZoneOffset.ofHours(8)),
                ZoneOffset.ofHours(8));
        // the operator's defaults: images on, so the chart is drawn as in production
        SummaryProperties defaults = Binder.get(new StandardEnvironment())
                .bindOrCreate("tallybot.summary", SummaryProperties.class);
        composer = new DailySummaryComposer(QueryServices.of(jdbc, config), new SummarySnapshotRepository(jdbc),
                Wording.chinese(config), defaults, config, clock);
        for (int back = DailySummaryComposer.CORRECTION_DAYS; back >= 1; back--) {
            LocalDate day = BenchDatabase.LAST_DAY.minusDays(back);
            composer.posted(composer.compose(day, false));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        dataSource.close();
    }

    @Benchmark
    public DailySummary compose() {
        return composer.compose(BenchDatabase.LAST_DAY, false);
    }
}
