package cn.cdsw.tallybot.reminder;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code reminder_mute}: the members who asked with 免打扰 not to be mentioned. */
@Repository
class MuteRepository {

    private final JdbcClient jdbc;

    MuteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void mute(String platform, String senderId, Instant now) {
        jdbc.sql("""
                INSERT INTO reminder_mute (platform, sender_id, muted_at) VALUES (:platform, :senderId, :now)
                ON CONFLICT (platform, sender_id) DO NOTHING""")
            .param("platform", platform)
            .param("senderId", senderId)
            .param("now", now.toEpochMilli())
            .update();
    }

    void unmute(String platform, String senderId) {
        jdbc.sql("DELETE FROM reminder_mute WHERE platform = :platform AND sender_id = :senderId")
            .param("platform", platform)
            .param("senderId", senderId)
            .update();
    }

    Set<String> muted(String platform) {
        return new HashSet<>(jdbc.sql("SELECT sender_id FROM reminder_mute WHERE platform = :platform")
            .param("platform", platform)
            .query(String.class)
            .list());
    }

}
