package cn.cdsw.tallybot.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.query.TotalsPropertyTests.Step;
import cn.cdsw.tallybot.report.SqliteTestDatabase;
import cn.cdsw.tallybot.testing.PostgresSchema;

/**
 * On PostgreSQL too, V12 migrates, the rollups count approximate lines as the records
 * have them after stores, retractions and corrections, and V12's backfill gives the same
 * counts from the records (the SQLite side is {@link RollupTotalsPropertyTests}).
 */
class ApproximateRollupsPostgresTests {

    static final Path V12 = Path.of("src/main/resources/db/migration/postgresql/V12__approximate_rollups.sql");

    @Test
    void rollupsAndTheBackfillMarkApproximateTotalsAsTheRecordsDo() throws IOException {
        try (PostgresSchema schema = PostgresSchema.migrated()) {
            JdbcClient jdbc = JdbcClient.create(schema.dataSource());
            List<Step> history = TotalsPropertyTests.histories(RollupTotalsPropertyTests.START, 70, 60)
                .sampleStream()
                .filter(steps -> steps.size() > 20)
                .findFirst()
                .orElseThrow();
            TotalsPropertyTests.play(history,
                    SqliteTestDatabase.reportService(schema.dataSource(), TotalsPropertyTests.CLOCK));
            LocalDate from = RollupTotalsPropertyTests.START;

            RollupTotalsPropertyTests.assertSameAsRecords(jdbc, from, from.plusDays(70), null);
            RollupTotalsPropertyTests.assertSameAsRecords(jdbc, from.plusDays(3), from.plusDays(40), "锦江区");

            for (String table : List.of("rollup_metric", "rollup_item", "rollup_unit_metric")) {
                jdbc.sql("UPDATE " + table + " SET approx_lines = 0").update();
            }
            String script = Files.readString(V12, StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            Arrays.stream(script.split(";"))
                .map(String::strip)
                .filter(sql -> sql.startsWith("UPDATE"))
                .forEach(sql -> jdbc.sql(sql).update());

            RollupTotalsPropertyTests.assertSameAsRecords(jdbc, from, from.plusDays(70), null);
            RollupTotalsPropertyTests.assertSameAsRecords(jdbc, from.plusDays(3), from.plusDays(40), "锦江区");
        }
    }

}
