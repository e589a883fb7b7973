package cn.cdsw.tallybot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.testing.PostgresSchema;

/**
 * The rollup keys are one encoding (docs/storage.md §7): the period the SQL of the writes
 * cuts from an activity date is the period the reads compute in Java, for every day of a
 * leap year and the year after, on both databases.
 */
class RollupSpanTests {

    @TempDir
    Path dir;

    @Test
    void javaAndSqlCutTheSamePeriodsOnSqlite() {
        assertSamePeriods(SqliteTestDatabase.migrated(dir));
    }

    @Test
    void javaAndSqlCutTheSamePeriodsOnPostgres() {
        try (PostgresSchema schema = PostgresSchema.create()) {
            assertSamePeriods(schema.dataSource());
        }
    }

    @Test
    void aDayCountsInItsDayDekadAndMonth() {
        LocalDate day = LocalDate.of(2026, 11, 28);
        assertThat(List.of(RollupSpan.DAY.period(day), RollupSpan.DEKAD.period(day), RollupSpan.MONTH.period(day)))
            .containsExactly("2026-11-28", "2026-11-3", "2026-11");
        assertThat(RollupSpan.DEKAD.period(LocalDate.of(2026, 2, 10))).isEqualTo("2026-02-1");
        assertThat(RollupSpan.DEKAD.period(LocalDate.of(2026, 2, 11))).isEqualTo("2026-02-2");
        assertThat(RollupSpan.DEKAD.period(LocalDate.of(2026, 1, 31))).isEqualTo("2026-01-3");
    }

    private static void assertSamePeriods(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Map<String, String> java = new LinkedHashMap<>();
        List<String> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2028, 1, 1); day.getYear() < 2030; day = day.plusDays(1)) {
            days.add(day.toString());
            for (RollupSpan span : RollupSpan.values()) {
                java.put(day + " " + span.key(), span.period(day));
            }
        }
        Map<String, String> sql = new LinkedHashMap<>();
        for (String day : days) {
            jdbc.sql("SELECT r.activity_date, s.span, " + RollupSpan.PERIOD_SQL + " FROM (SELECT CAST(:day AS TEXT)"
                    + " AS activity_date) r CROSS JOIN " + RollupSpan.SPANS_SQL)
                .param("day", day)
                .query((rs, n) -> Map.entry(rs.getString(1) + " " + rs.getString(2), rs.getString(3)))
                .list()
                .forEach(e -> sql.put(e.getKey(), e.getValue()));
        }

        assertThat(sql).hasSize(java.size()).containsAllEntriesOf(java);
    }

}
