package cn.cdsw.tallybot.web;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code desk_login_link} (migration V15): links by the digest of their token.
 */
@Repository
class LoginLinkRepository {

    private final JdbcClient jdbc;

    LoginLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void deleteExpired(Instant now) {
        jdbc.sql("DELETE FROM desk_login_link WHERE expires_at < :now").param("now", now.toEpochMilli()).update();
    }

    void insert(String tokenHash, Coordinator coordinator, Instant now, Instant expires) {
        jdbc.sql("""
                INSERT INTO desk_login_link (token_hash, platform, user_id, user_name, created_at, expires_at)
                VALUES (:hash, :platform, :userId, :name, :now, :expires)""")
            .param("hash", tokenHash)
            .param("platform", coordinator.platform())
            .param("userId", coordinator.userId())
            .param("name", coordinator.name())
            .param("now", now.toEpochMilli())
            .param("expires", expires.toEpochMilli())
            .update();
    }

    /** Whether the link is unused and not expired at {@code now}. */
    boolean open(String tokenHash, Instant now) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM desk_login_link
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
            .param("hash", tokenHash)
            .param("now", now.toEpochMilli())
            .query(Long.class)
            .single() > 0;
    }

    /**
     * Marks the link used, if it is open: true for the one caller whose update took it.
     */
    boolean use(String tokenHash, Instant now) {
        return jdbc.sql("""
                UPDATE desk_login_link SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
            .param("hash", tokenHash)
            .param("now", now.toEpochMilli())
            .update() == 1;
    }

    Optional<Coordinator> owner(String tokenHash) {
        return jdbc.sql("SELECT platform, user_id, user_name FROM desk_login_link WHERE token_hash = :hash")
            .param("hash", tokenHash)
            .query((rs, row) -> new Coordinator(rs.getString(1), rs.getString(2), rs.getString(3)))
            .optional();
    }

}
