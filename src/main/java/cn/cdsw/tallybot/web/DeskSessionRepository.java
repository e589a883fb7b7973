package cn.cdsw.tallybot.web;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.cdsw.tallybot.web.DeskSessions.DeskSession;

/** The table {@code desk_session} (migration V15): sessions by the digest of their id. */
@Repository
class DeskSessionRepository {

    private final JdbcClient jdbc;

    DeskSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void deleteExpired(Instant now) {
        jdbc.sql("DELETE FROM desk_session WHERE expires_at < :now").param("now", now.toEpochMilli()).update();
    }

    void insert(String idHash, Coordinator coordinator, String csrf, Instant now, Instant expires) {
        jdbc.sql("""
                INSERT INTO desk_session (id_hash, platform, user_id, user_name, csrf_token, created_at, expires_at)
                VALUES (:hash, :platform, :userId, :name, :csrf, :now, :expires)""")
            .param("hash", idHash)
            .param("platform", coordinator.platform())
            .param("userId", coordinator.userId())
            .param("name", coordinator.name())
            .param("csrf", csrf)
            .param("now", now.toEpochMilli())
            .param("expires", expires.toEpochMilli())
            .update();
    }

    /** The session, while it lasts at {@code now}. */
    Optional<DeskSession> find(String idHash, Instant now) {
        return jdbc.sql("""
                SELECT platform, user_id, user_name, csrf_token, expires_at FROM desk_session
                WHERE id_hash = :hash AND expires_at > :now""")
            .param("hash", idHash)
            .param("now", now.toEpochMilli())
            .query((rs, row) -> new DeskSession(new Coordinator(rs.getString(1), rs.getString(2), rs.getString(3)),
                    rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))))
            .optional();
    }

    void delete(String idHash) {
        jdbc.sql("DELETE FROM desk_session WHERE id_hash = :hash").param("hash", idHash).update();
    }

}
