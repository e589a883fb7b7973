package cn.cdsw.tallybot.conversation;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Table {@code handled_message}: the reply log. A redelivered event is answered from here
 * with exactly the reply the first delivery got, and stores nothing (docs/storage.md §9).
 * The first writer wins; later saves of the same key change nothing.
 */
@Repository
public class HandledMessageRepository {

    private final JdbcClient jdbc;

    private final boolean postgres;

    /** On SQLite, where no row locks are taken. */
    public HandledMessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.postgres = false;
    }

    @Autowired
    public HandledMessageRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            return "PostgreSQL".equalsIgnoreCase(
                    JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        }
        catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database the reply log is in", e);
        }
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

    /**
     * Deletes up to {@code limit} of the oldest entries handled before {@code cutoff};
     * returns how many it deleted. On PostgreSQL rows another replica's pruning has
     * locked are skipped rather than waited for, so two replicas pruning at once take
     * different rows and never wait on each other (nor deadlock over the same rows in
     * different orders). The index on {@code handled_at} finds the rows.
     */
    public int prune(Instant cutoff, int limit) {
        return jdbc.sql(postgres ? """
                DELETE FROM handled_message
                WHERE (platform, group_id, message_id) IN (
                    SELECT platform, group_id, message_id FROM handled_message
                    WHERE handled_at < :cutoff
                    ORDER BY handled_at
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)""" : """
                DELETE FROM handled_message
                WHERE (platform, group_id, message_id) IN (
                    SELECT platform, group_id, message_id FROM handled_message
                    WHERE handled_at < :cutoff
                    ORDER BY handled_at
                    LIMIT :limit)""").param("cutoff", cutoff.toEpochMilli()).param("limit", limit).update();
    }

}
