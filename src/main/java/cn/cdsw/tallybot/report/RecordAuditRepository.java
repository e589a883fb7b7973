package cn.cdsw.tallybot.report;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code record_event}: the append-only audit trail of record changes. */
@Repository
class RecordAuditRepository {

    private final JdbcClient jdbc;

    RecordAuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(long recordId, String action, Actor actor, Instant at, @Nullable String detail) {
        jdbc.sql("""
                INSERT INTO record_event (record_id, action, actor_platform, actor_id, at, detail)
                VALUES (:recordId, :action, :actorPlatform, :actorId, :at, :detail)""")
            .param("recordId", recordId)
            .param("action", action)
            .param("actorPlatform", actor.platform())
            .param("actorId", actor.id())
            .param("at", at.toEpochMilli())
            .param("detail", detail)
            .update();
    }

    /** The trail of one record, oldest first. */
    List<RecordEvent> eventsOf(long recordId) {
        return jdbc.sql("""
                SELECT id, record_id, action, actor_platform, actor_id, at, detail FROM record_event
                WHERE record_id = :recordId ORDER BY id""")
            .param("recordId", recordId)
            .query((rs, n) -> new RecordEvent(rs.getLong("id"), rs.getLong("record_id"), rs.getString("action"),
                    new Actor(rs.getString("actor_platform"), rs.getString("actor_id")),
                    Instant.ofEpochMilli(rs.getLong("at")), rs.getString("detail")))
            .list();
    }

}
