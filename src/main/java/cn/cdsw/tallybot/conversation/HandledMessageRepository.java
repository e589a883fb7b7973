package cn.cdsw.tallybot.conversation;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code handled_message}: the reply log. A redelivered event is answered from here
 * with exactly the reply the first delivery got, and stores nothing (docs/storage.md §9).
 * The first writer wins; later saves of the same key change nothing.
 */
@Repository
public class HandledMessageRepository {

    private final JdbcClient jdbc;

    public HandledMessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<HandledMessage> find(String platform, String groupId, String messageId) {
        return jdbc.sql("""
                SELECT platform, group_id, message_id, handled_at, reply_text FROM handled_message
                WHERE platform = :platform AND group_id = :groupId AND message_id = :messageId""")
            .param("platform", platform)
            .param("groupId", groupId)
            .param("messageId", messageId)
            .query((rs, n) -> new HandledMessage(rs.getString("platform"), rs.getString("group_id"),
                    rs.getString("message_id"), Instant.ofEpochMilli(rs.getLong("handled_at")),
                    rs.getString("reply_text")))
            .optional();
    }

    /**
     * Records the message unless its key is already logged; true when this call inserted
     * it.
     */
    public boolean save(HandledMessage message) {
        return jdbc.sql("""
                INSERT INTO handled_message (platform, group_id, message_id, handled_at, reply_text)
                VALUES (:platform, :groupId, :messageId, :handledAt, :replyText)
                ON CONFLICT DO NOTHING""")
            .param("platform", message.platform())
            .param("groupId", message.groupId())
            .param("messageId", message.messageId())
            .param("handledAt", message.handledAt().toEpochMilli())
            .param("replyText", message.replyText())
            .update() == 1;
    }

}
