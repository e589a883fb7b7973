package cn.cdsw.tallybot.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cdsw.tallybot.query.TotalsPropertyTests.Fate;
import cn.cdsw.tallybot.query.TotalsPropertyTests.Step;
import cn.cdsw.tallybot.report.Actor;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.report.SqliteTestDatabase;

/**
 * The rollups (migrations V5, V6, V12) give the same totals and rankings (of districts
 * and of units), each marked approximate or not, and the same use of each metric's units
 * as the aggregate over the records, after any history of inserts, retractions and
 * corrections spread over three months, for any date range (days, dekads and months
 * mixed) and for the city or a district; and the migration's backfill builds the same
 * rollups from existing records as the running upkeep did (docs/storage.md §7).
 */
class RollupTotalsPropertyTests {

    static final LocalDate START = LocalDate.of(2026, 9, 25);
    static final Path V5 = Path.of("src/main/resources/db/migration/sqlite/V5__daily_rollups.sql");
    static final Path V6 = Path.of("src/main/resources/db/migration/sqlite/V6__unit_rollups.sql");
    static final Path V12 = Path.of("src/main/resources/db/migration/sqlite/V12__approximate_rollups.sql");
    static final List<RankBy> RANKINGS = List.of(new RankBy.Metric("visits", "户"), new RankBy.Materials(),
            new RankBy.Value(), new RankBy.Reports());

    /**
     * Both repositories tell the kinds of ranking apart by an {@code instanceof} chain
     * (docs/style.md §6); the properties below run each chain for every kind only if
     * {@link #RANKINGS} holds one of each.
     */
    @Test
    void rankingsCoverEveryKindOfRankBy() {
        assertThat(RANKINGS.stream().map(Object::getClass).distinct())
            .containsExactlyInAnyOrder(RankBy.class.getPermittedSubclasses());
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return TotalsPropertyTests.histories(START, 70, 30);
    }

    @Property(tries = 40)
    void rollupsEqualTheRecordsAggregate(@ForAll("histories") List<Step> history,
            @ForAll @IntRange(min = 0, max = 75) int a, @ForAll @IntRange(min = 0, max = 75) int b,
            @ForAll boolean city) throws IOException {
        DataSource db = SqliteTestDatabase.migrated(Files.createTempDirectory("tallybot-rollups"));
        TotalsPropertyTests.play(history, SqliteTestDatabase.reportService(db, TotalsPropertyTests.CLOCK));
        LocalDate from = START.plusDays(Math.min(a, b));
        LocalDate to = START.plusDays(Math.max(a, b));
        String district = city ? null : "锦江区";

        assertSameAsRecords(JdbcClient.create(db), from, to, district);
        rebuildFromRecords(JdbcClient.create(db));
        assertSameAsRecords(JdbcClient.create(db), from, to, district);
    }

    /**
     * The same when the history runs as group commits run it: batches of messages in one
     * transaction each, the rollups applied once when a batch commits
     * (storage/BeforeCommit), each message (a store, a retraction, a correction) in its
     * own savepoint, some of which roll back — so a record can be stored and then
     * retracted or corrected in the same batch or a later one, or never exist at all.
     */
    @Property(tries = 40)
    void batchedRollupsEqualTheRecordsAggregate(@ForAll("histories") List<Step> history,
            @ForAll List<@IntRange(min = 1, max = 8) Integer> batchSizes, @ForAll List<Boolean> rollbacks,
            @ForAll @IntRange(min = 0, max = 75) int a, @ForAll @IntRange(min = 0, max = 75) int b,
            @ForAll boolean city) throws IOException {
        DataSource db = SqliteTestDatabase.migrated(Files.createTempDirectory("tallybot-rollups"));
        ReportService reports = SqliteTestDatabase.reportService(db, TotalsPropertyTests.CLOCK);
        TransactionTemplate batch = new TransactionTemplate(new DataSourceTransactionManager(db));
        TransactionTemplate savepoint = new TransactionTemplate(new DataSourceTransactionManager(db));
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        Iterator<Integer> sizes = cycle(batchSizes, 4);
        Iterator<Boolean> rollBack = cycle(rollbacks, false);
        int[] message = { 0 };
        for (int from = 0; from < history.size();) {
            List<Step> steps = history.subList(from, Math.min(history.size(), from + sizes.next()));
            from += steps.size();
            batch.executeWithoutResult(status -> {
                for (Step step : steps) {
                    playInSavepoints(step, reports, savepoint, rollBack, message);
                }
            });
        }
        LocalDate from = START.plusDays(Math.min(a, b));
        LocalDate to = START.plusDays(Math.max(a, b));

        assertSameAsRecords(JdbcClient.create(db), from, to, city ? null : "锦江区");
    }

    private static void playInSavepoints(Step step, ReportService reports, TransactionTemplate savepoint,
            Iterator<Boolean> rollBack, int[] message) {
        Long id = savepoint.execute(status -> {
            long stored = reports.store(TotalsPropertyTests.source("m" + message[0]++), step.content(), "raw")
                .record()
                .id();
            if (rollBack.next()) {
                status.setRollbackOnly();
                return null;
            }
            return stored;
        });
        if (id == null || step.fate() == Fate.KEEP) {
            return;
        }
        savepoint.executeWithoutResult(status -> {
            if (step.fate() == Fate.RETRACT) {
                reports.retract(id, new Actor("onebot", "1"));
            }
            else {
                reports.correct(id, TotalsPropertyTests.source("m" + message[0]++), step.correction(), "raw",
                        new Actor("onebot", "1"));
            }
            if (rollBack.next()) {
                status.setRollbackOnly();
            }
        });
    }

    private static <T> Iterator<T> cycle(List<T> values, T whenEmpty) {
        List<T> all = values.isEmpty() ? List.of(whenEmpty) : values;
        return Stream.generate(() -> all).flatMap(List::stream).iterator();
    }

    static void assertSameAsRecords(JdbcClient jdbc, LocalDate from, LocalDate to, String district) {
        RollupTotalsRepository rollups = new RollupTotalsRepository(jdbc);
        TotalsRepository records = new TotalsRepository(jdbc);
        RollupTotalsRepository.Slice slice = new RollupTotalsRepository.Slice(from, to, district);
        TotalsRepository.Criteria criteria = new TotalsRepository.Criteria(from, to, new Scope(district, null));

        assertThat(rollups.byDistrict(slice)).as("figures %s..%s %s", from, to, district)
            .containsExactlyEntriesOf(records.byDistrict(criteria));
        assertThat(rollups.items(slice)).isEqualTo(records.items(criteria));
        for (String metric : List.of("visits", "calls")) {
            assertThat(rollups.unitUse(slice, metric)).as("units of %s", metric)
                .containsExactlyEntriesOf(records.unitUse(criteria, metric));
        }
        for (RankBy by : RANKINGS) {
            assertThat(rollups.rank(slice, by, false)).as("%s", by).isEqualTo(records.rank(criteria, by, false));
            assertThat(rollups.rank(slice, by, true)).as("units by %s", by).isEqualTo(records.rank(criteria, by, true));
        }
        Map<LocalDate, DayFigures> daily = rollups.daily(from, to, district, "visits", "户");
        Map<LocalDate, Figures> eachDay = rollups.byDay(from, to, district);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Figures f = QueryService
                .sum(records.byDistrict(new TotalsRepository.Criteria(day, day, new Scope(district, null))).values());
            DayFigures expected = f.reports() == 0 ? null
                    : new DayFigures(day, f.metric("visits", "户"), f.materialsTotal());
            assertThat(daily.get(day)).as("daily series on %s", day).isEqualTo(expected);
            assertThat(eachDay.get(day)).as("figures of %s", day).isEqualTo(f.reports() == 0 ? null : f);
        }
    }

    /**
     * Empties the rollups and runs V5's and V6's backfill statements, then V12's count of
     * approximate lines, as the migrations do on existing data — but for V5's fill of
     * rollup_unit_day, a table V7 dropped.
     */
    private static void rebuildFromRecords(JdbcClient jdbc) throws IOException {
        for (String table : List.of("rollup_metric", "rollup_item", "rollup_figures", "rollup_unit",
                "rollup_unit_metric", "rollup_unit_figures")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        for (Path migration : List.of(V5, V6, V12)) {
            String script = Files.readString(migration, StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            Arrays.stream(script.split(";"))
                .map(String::strip)
                .filter(sql -> sql.startsWith("INSERT") || sql.startsWith("UPDATE"))
                .filter(sql -> !sql.startsWith("INSERT INTO rollup_unit_day"))
                .forEach(sql -> jdbc.sql(sql).update());
        }
    }

}
