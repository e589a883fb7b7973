package cn.cdsw.tallybot.expectation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code reminder_campaign}: every 催报 开启/关闭 a coordinator typed, with who and when,
 * never updated or deleted, so the schedule can always say who set what
 * (docs/reminders.md §3).
 */
@Repository
public class CampaignRepository {

    private final JdbcClient jdbc;

    public CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Campaign campaign) {
        jdbc.sql("""
                INSERT INTO reminder_campaign (district, from_date, to_date, expected, set_by_platform, set_by_id,
                    set_by_name, set_at)
                VALUES (:district, :from, :to, :on, :platform, :id, :name, :at)""")
            .param("district", campaign.district())
            .param("from", campaign.from().toString())
            .param("to", campaign.to() == null ? null : campaign.to().toString())
            .param("on", campaign.on() ? 1 : 0)
            .param("platform", campaign.setByPlatform())
            .param("id", campaign.setById())
            .param("name", campaign.setByName())
            .param("at", campaign.setAt().toEpochMilli())
            .update();
    }

    /** Every campaign that still matters on or after {@code today}, in the order set. */
    List<Campaign> current(LocalDate today) {
        return jdbc.sql("""
                SELECT id, district, from_date, to_date, expected, set_by_platform, set_by_id, set_by_name, set_at
                  FROM reminder_campaign
                 WHERE to_date IS NULL OR to_date >= :today
                 ORDER BY set_at, id""").param("today", today.toString()).query(CampaignRepository::map).list();
    }

    /**
     * Every campaign touching the days from {@code from} to {@code to}, in the order set.
     */
    List<Campaign> touching(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT id, district, from_date, to_date, expected, set_by_platform, set_by_id, set_by_name, set_at
                  FROM reminder_campaign
                 WHERE from_date <= :to AND (to_date IS NULL OR to_date >= :from)
                 ORDER BY set_at, id""")
            .param("from", from.toString())
            .param("to", to.toString())
            .query(CampaignRepository::map)
            .list();
    }

    private static Campaign map(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("district"), LocalDate.parse(rs.getString("from_date")),
                dateOrNull(rs.getString("to_date")), rs.getInt("expected") == 1, rs.getString("set_by_platform"),
                rs.getString("set_by_id"), rs.getString("set_by_name"), Instant.ofEpochMilli(rs.getLong("set_at")));
    }

    private static @Nullable LocalDate dateOrNull(@Nullable String text) {
        return text == null ? null : LocalDate.parse(text);
    }

}
