package cn.cdsw.tallybot.summary;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row that says when this database first served a bot. */
@Repository
class InstallationRepository {

    private final JdbcClient jdbc;

    InstallationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first start, recording {@code now} as that if this is it. */
    Instant firstStarted(Instant now) {
        jdbc.sql("INSERT INTO installation (id, first_started_at) VALUES (1, :now) ON CONFLICT (id) DO NOTHING")
            .param("now", now.toEpochMilli())
            .update();
        return Instant.ofEpochMilli(
                jdbc.sql("SELECT first_started_at FROM installation WHERE id = 1").query(Long.class).single());
    }

}
