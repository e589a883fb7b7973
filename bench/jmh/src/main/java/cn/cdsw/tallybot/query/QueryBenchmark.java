package cn.cdsw.tallybot.query;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.bench.BenchDatabase;
import cn.cdsw.tallybot.bench.BenchDataSource;
import cn.cdsw.tallybot.config.BotConfigLoader;

/**
 * 统计 and 排行 over the benchmark database (bench/queries.sh, target p50 <= 5 ms for every period up to a year): totals
 * for one day, one month and one year at city and district scope, and the visits ranking (districts for the city,
 * units within a district). System properties {@code tallybot.bench.db} and {@code tallybot.bench.config} name
 * the database and bot-config made by {@link BenchDatabase}.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QueryBenchmark {

    @Param({ "day", "month", "year" })
    public String period;

    @Param({ "city", "district" })
    public String scope;

    private HikariDataSource dataSource;
    private QueryService queries;
    private LocalDate from;
    private LocalDate to;
    private Scope where;

    @Setup(Level.Trial)
    public void setUp() {
        dataSource = BenchDataSource.open(BenchDataSource.pathProperty("tallybot.bench.db"));
        queries = QueryServices.of(JdbcClient.create(dataSource),
                BotConfigLoader.load(BenchDataSource.pathProperty("tallybot.bench.config")));
        to = BenchDatabase.LAST_DAY;
        from = switch (period) {
            case "day" -> to;
            case "month" -> to.withDayOfMonth(1);
            default -> to.minusDays(364);
        };
        where = scope.equals("city") ? Scope.CITY : new Scope("锦江区", null);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        dataSource.close();
    }

    @Benchmark
    public Totals totals() {
        return queries.totals(from, to, where);
    }

    @Benchmark
    public List<RankEntry> rank() {
        return queries.rank(from, to, where, new RankBy.Metric("visits", "户"), where.district() != null);
    }
}
