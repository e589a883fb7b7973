package cn.cdsw.tallybot.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time sign-in links for coordinators: {@code <public-url>/login/<token>}, valid for
 * {@code tallybot.web.link-ttl} and redeemable once. Only the token's digest is stored,
 * in the database every replica shares, so a link issued by one replica opens on another;
 * redeeming is one conditional update, so two replicas (or two tabs) opening the same
 * link at once sign in one of them.
 */
@Service
public class LoginLinks {

    private final JdbcClient jdbc;

    private final WebProperties properties;

    private final Clock clock;

    LoginLinks(JdbcClient jdbc, WebProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether links can be handed out: the desk's public address is configured. */
    public boolean available() {
        return properties.publicUrl() != null;
    }

    /** How long a link handed out now may be opened. */
    public Duration lifetime() {
        return properties.linkTtl();
    }

    /**
     * A new link for {@code coordinator}; the caller has checked that the account is one.
     * @throws IllegalStateException when {@link #available()} is false
     */
    @Transactional
    public URI issue(Coordinator coordinator) {
        URI base = properties.publicUrl();
        if (base == null) {
            throw new IllegalStateException("tallybot.web.public-url is not set");
        }
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM desk_login_link WHERE expires_at < :now").param("now", now.toEpochMilli()).update();
        String token = Secrets.fresh();
        jdbc.sql("""
                INSERT INTO desk_login_link (token_hash, platform, user_id, user_name, created_at, expires_at)
                VALUES (:hash, :platform, :userId, :name, :now, :expires)""")
            .param("hash", Secrets.digest(token))
            .param("platform", coordinator.platform())
            .param("userId", coordinator.userId())
            .param("name", coordinator.name())
            .param("now", now.toEpochMilli())
            .param("expires", now.plus(properties.linkTtl()).toEpochMilli())
            .update();
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + "/login/" + token);
    }

    /**
     * Whether {@code token} would sign in now (unused, not expired), without using it:
     * what the page behind a link shows before the browser redeems it.
     */
    public boolean open(String token) {
        if (!Secrets.wellFormed(token)) {
            return false;
        }
        return jdbc.sql("""
                SELECT COUNT(*) FROM desk_login_link
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
            .param("hash", Secrets.digest(token))
            .param("now", clock.millis())
            .query(Long.class)
            .single() > 0;
    }

    /**
     * Uses {@code token}: the coordinator it was issued to, once; empty when it is
     * unknown, used or expired.
     */
    @Transactional
    public Optional<Coordinator> redeem(String token) {
        if (!Secrets.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = Secrets.digest(token);
        long now = clock.millis();
        int used = jdbc.sql("""
                UPDATE desk_login_link SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
            .param("hash", hash)
            .param("now", now)
            .update();
        if (used != 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT platform, user_id, user_name FROM desk_login_link WHERE token_hash = :hash")
            .param("hash", hash)
            .query((rs, row) -> new Coordinator(rs.getString(1), rs.getString(2), rs.getString(3)))
            .optional();
    }

}
