package cn.cdsw.tallybot.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The published figures per day (JSON), written after a summary reached a group. */
@Repository
class SummarySnapshotRepository {

    private record Row(String date, String figures) {
    }

    private final JdbcClient jdbc;

    SummarySnapshotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Snapshots of the days in [from, to], oldest first. */
    Map<LocalDate, String> between(LocalDate from, LocalDate to) {
        Map<LocalDate, String> snapshots = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT summary_date, figures FROM summary_snapshot
                WHERE summary_date BETWEEN :from AND :to ORDER BY summary_date""")
            .param("from", from.toString())
            .param("to", to.toString())
            .query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
            .list()
            .forEach(row -> snapshots.put(LocalDate.parse(row.date()), row.figures()));
        return snapshots;
    }

    void save(LocalDate date, String figures, Instant at) {
        jdbc.sql(
                """
                        INSERT INTO summary_snapshot (summary_date, figures, updated_at) VALUES (:date, :figures, :at)
                        ON CONFLICT (summary_date) DO UPDATE SET figures = excluded.figures, updated_at = excluded.updated_at""")
            .param("date", date.toString())
            .param("figures", figures)
            .param("at", at.toEpochMilli())
            .update();
    }

}
