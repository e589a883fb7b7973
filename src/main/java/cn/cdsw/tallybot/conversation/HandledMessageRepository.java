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
 * The key is (platform, group, message id, content hash): a message that reuses an old id
 * with other content is a new message. The first writer wins; later saves of the same key
 * change nothing.
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

    /**
     * The logged handling of the message with this id and content hash. A row logged
     * before content hashes existed has an empty one and still counts, because nothing
     * tells whether its content was the same; an exact match is preferred.
     */
    public Optional<HandledMessage> find(String platform, String groupId, String messageId, String contentHash) {
        return jdbc.sql("""
                SELECT platform, group_id, message_id, content_hash, handled_at, reply_text FROM handled_message
                WHERE platform = :platform AND group_id = :groupId AND message_id = :messageId
                  AND content_hash IN (:contentHash, '')
                ORDER BY content_hash DESC LIMIT 1""")
            .param("platform", platform)
            .param("groupId", groupId)
            .param("messageId", messageId)
            .param("contentHash", contentHash)
            .query((rs, n) -> new HandledMessage(rs.getString("platform"), rs.getString("group_id"),
                    rs.getString("message_id"), rs.getString("content_hash"),
                    Instant.ofEpochMilli(rs.getLong("handled_at")), rs.getString("reply_text")))
            .optional();
    }

    /**
     * Records the message unless its key is already logged, or a row logged before
     * content hashes existed holds its id (such a row may be this very message, so it
     * keeps the old rule: same id, same message); true when this call inserted it. No new
     * row has an empty hash, so the second condition cannot race.
     */
    public boolean save(HandledMessage message) {
        return jdbc.sql("""
                INSERT INTO handled_message (platform, group_id, message_id, content_hash, handled_at, reply_text)
                SELECT :platform, :groupId, :messageId, :contentHash, :handledAt, :replyText
                WHERE NOT EXISTS (SELECT 1 FROM handled_message
                    WHERE platform = :platform AND group_id = :groupId AND message_id = :messageId
                      AND content_hash = '')
                ON CONFLICT DO NOTHING""")
            .param("platform", message.platform())
            .param("groupId", message.groupId())
            .param("messageId", message.messageId())
            .param("contentHash", message.contentHash())
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
