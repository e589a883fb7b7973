package cn.cdsw.tallybot.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code sender_binding}: one remembered district and unit per (platform, sender).
 */
@Repository
class BindingRepository {

    private final JdbcClient jdbc;

    BindingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Insert or replace in one statement, so two concurrent #绑定 never fail on the primary
     * key.
     */
    void upsert(Binding binding) {
        jdbc.sql("""
                INSERT INTO sender_binding (platform, sender_id, district, unit, updated_at)
                VALUES (:platform, :senderId, :district, :unit, :updatedAt)
                ON CONFLICT (platform, sender_id) DO UPDATE
                SET district = excluded.district, unit = excluded.unit, updated_at = excluded.updated_at""")
            .param("platform", binding.platform())
            .param("senderId", binding.senderId())
            .param("district", binding.district())
            .param("unit", binding.unit())
            .param("updatedAt", binding.updatedAt().toEpochMilli())
            .update();
    }

    Optional<Binding> find(String platform, String senderId) {
        return jdbc.sql("""
                SELECT platform, sender_id, district, unit, updated_at FROM sender_binding
                WHERE platform = :platform AND sender_id = :senderId""")
            .param("platform", platform)
            .param("senderId", senderId)
            .query((rs, n) -> new Binding(rs.getString("platform"), rs.getString("sender_id"), rs.getString("district"),
                    rs.getString("unit"), Instant.ofEpochMilli(rs.getLong("updated_at"))))
            .optional();
    }

    /**
     * Every member bound on {@code platform}, by district, unit and id, each with the
     * name of their newest record.
     */
    List<BoundMember> members(String platform) {
        return jdbc.sql("""
                SELECT b.platform, b.sender_id, b.district, b.unit,
                       (SELECT r.sender_name FROM activity_record r
                         WHERE r.platform = b.platform AND r.sender_id = b.sender_id
                         ORDER BY r.id DESC LIMIT 1) AS sender_name
                  FROM sender_binding b
                 WHERE b.platform = :platform
                 ORDER BY b.district, b.unit, b.sender_id""").param("platform", platform).query((rs, n) -> {
            String name = rs.getString("sender_name");
            return new BoundMember(rs.getString("platform"), rs.getString("sender_id"),
                    name == null || name.isBlank() ? rs.getString("sender_id") : name, rs.getString("district"),
                    rs.getString("unit"));
        }).list();
    }

}
