package cn.cdsw.tallybot.conversation;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import cn.cdsw.tallybot.platform.ChatKind;

/**
 * Table {@code handled_message}: the reply log. A redelivered event is answered from here
 * with exactly the reply the first delivery got, and stores nothing (docs/storage.md §9).
 * The key is (platform, group, message id, content hash): a message that reuses an old id
 * with other content is a new message. A private chat's messages are logged with an empty
 * group, which no group has, and {@code chat_kind = 'private'}. The first writer wins;
 * later saves of the same key change nothing.
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
                SELECT platform, group_id, message_id, content_hash, handled_at, reply_text, chat_kind
                FROM handled_message
                WHERE platform = :platform AND group_id = :groupId AND message_id = :messageId
                  AND content_hash IN (:contentHash, '')
                ORDER BY content_hash DESC LIMIT 1""")
            .param("platform", platform)
            .param("groupId", groupId)
            .param("messageId", messageId)
            .param("contentHash", contentHash)
            .query((rs, n) -> new HandledMessage(rs.getString("platform"), rs.getString("group_id"),
                    rs.getString("message_id"), rs.getString("content_hash"),
                    Instant.ofEpochMilli(rs.getLong("handled_at")), rs.getString("reply_text"),
                    kind(rs.getString("chat_kind"))))
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
                INSERT INTO handled_message (platform, group_id, message_id, content_hash, handled_at, reply_text,
                    chat_kind)
                SELECT :platform, :groupId, :messageId, :contentHash, :handledAt, :replyText, :kind
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
            .param("kind", kind(message.kind()))
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
                    WHERE handled_at < :cutoff AND (delivery IS NULL OR delivery <> 'pending')
                    ORDER BY handled_at
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)""" : """
                DELETE FROM handled_message
                WHERE (platform, group_id, message_id) IN (
                    SELECT platform, group_id, message_id FROM handled_message
                    WHERE handled_at < :cutoff AND (delivery IS NULL OR delivery <> 'pending')
                    ORDER BY handled_at
                    LIMIT :limit)""").param("cutoff", cutoff.toEpochMilli()).param("limit", limit).update();
    }

    /**
     * Records the message with its reply pending for delivery through the API, held by
     * {@code reply.owner()} until {@code reply.lease()}; true when this call inserted it.
     */
    public boolean savePending(HandledMessage message, PendingReply reply) {
        return jdbc.sql("""
                INSERT INTO handled_message (platform, group_id, message_id, content_hash, handled_at, reply_text,
                    delivery, sender_id, queued_at, wait_until, delivery_owner, delivery_lease, chat_kind)
                VALUES (:platform, :groupId, :messageId, :contentHash, :handledAt, :replyText, 'pending', :senderId,
                    :queuedAt, :waitUntil, :owner, :lease, :kind)
                ON CONFLICT DO NOTHING""")
            .param("platform", message.platform())
            .param("groupId", message.groupId())
            .param("messageId", message.messageId())
            .param("contentHash", message.contentHash())
            .param("handledAt", message.handledAt().toEpochMilli())
            .param("replyText", reply.replyText())
            .param("senderId", reply.senderId())
            .param("queuedAt", reply.queuedAt().toEpochMilli())
            .param("waitUntil", reply.waitUntil() == null ? null : reply.waitUntil().toEpochMilli())
            .param("owner", reply.owner())
            .param("lease", reply.lease().toEpochMilli())
            .param("kind", kind(reply.kind()))
            .update() == 1;
    }

    /**
     * Pending replies whose holder's lease ran out before {@code now} (it stopped, or
     * this is the next start), oldest first.
     */
    List<PendingReply> unheld(Instant now, int limit) {
        return jdbc.sql("""
                SELECT platform, group_id, message_id, content_hash, sender_id, reply_text, queued_at, wait_until,
                    delivery_owner, delivery_lease, chat_kind
                FROM handled_message
                WHERE delivery = 'pending' AND delivery_lease < :now
                ORDER BY queued_at
                LIMIT :limit""").param("now", now.toEpochMilli()).param("limit", limit).query((rs, n) -> {
            long waitUntil = rs.getLong("wait_until");
            Instant wait = rs.wasNull() ? null : Instant.ofEpochMilli(waitUntil);
            return new PendingReply(rs.getString("platform"), rs.getString("group_id"), rs.getString("message_id"),
                    rs.getString("content_hash"), Objects.requireNonNullElse(rs.getString("sender_id"), ""),
                    Objects.requireNonNullElse(rs.getString("reply_text"), ""),
                    Instant.ofEpochMilli(rs.getLong("queued_at")), wait,
                    Objects.requireNonNullElse(rs.getString("delivery_owner"), ""),
                    Instant.ofEpochMilli(rs.getLong("delivery_lease")), kind(rs.getString("chat_kind")));
        }).list();
    }

    /**
     * Takes over a pending reply exactly as read: of two replicas taking the same row,
     * one changes it.
     */
    boolean takeOver(PendingReply reply, String owner, Instant lease) {
        return jdbc.sql("""
                UPDATE handled_message SET delivery_owner = :owner, delivery_lease = :lease
                WHERE platform = :platform AND group_id = :groupId AND message_id = :messageId
                  AND content_hash = :contentHash AND delivery = 'pending' AND delivery_lease = :seen""")
            .params(key(reply))
            .param("owner", owner)
            .param("lease", lease.toEpochMilli())
            .param("seen", reply.lease().toEpochMilli())
            .update() == 1;
    }

    /** Extends the lease of every reply {@code owner} still holds. */
    int renew(String owner, Instant lease) {
        return jdbc.sql("""
                UPDATE handled_message SET delivery_lease = :lease
                WHERE delivery = 'pending' AND delivery_owner = :owner""")
            .param("owner", owner)
            .param("lease", lease.toEpochMilli())
            .update();
    }

    /**
     * Right before the platform call: counts the attempt and extends the lease; false
     * when the reply is no longer {@code owner}'s to send.
     */
    boolean hold(PendingReply reply, String owner, Instant lease) {
        return jdbc.sql("""
                UPDATE handled_message SET delivery_lease = :lease, delivery_attempts = delivery_attempts + 1
                WHERE platform = :platform AND group_id = :groupId AND message_id = :messageId
                  AND content_hash = :contentHash AND delivery = 'pending' AND delivery_owner = :owner""")
            .params(key(reply))
            .param("owner", owner)
            .param("lease", lease.toEpochMilli())
            .update() == 1;
    }

    /** {@code pending → outcome} (sent, expired, stale, failed) for the holder. */
    boolean settle(PendingReply reply, String owner, String outcome, Instant now) {
        return jdbc.sql("""
                UPDATE handled_message SET delivery = :outcome, delivered_at = :now
                WHERE platform = :platform AND group_id = :groupId AND message_id = :messageId
                  AND content_hash = :contentHash AND delivery = 'pending' AND delivery_owner = :owner""")
            .params(key(reply))
            .param("owner", owner)
            .param("outcome", outcome)
            .param("now", now.toEpochMilli())
            .update() == 1;
    }

    /**
     * The delivery state of the reply to the latest message under this id: null when
     * nothing goes through the API.
     */
    Optional<String> delivery(String platform, String groupId, String messageId) {
        return jdbc.sql("""
                SELECT delivery FROM handled_message
                WHERE platform = :platform AND group_id = :groupId AND message_id = :messageId
                ORDER BY handled_at DESC
                LIMIT 1""")
            .param("platform", platform)
            .param("groupId", groupId)
            .param("messageId", messageId)
            .query((rs, n) -> Optional.ofNullable(rs.getString("delivery")))
            .optional()
            .flatMap(state -> state);
    }

    /** How {@code chat_kind} spells a kind: {@code group}, {@code private}. */
    private static String kind(ChatKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static ChatKind kind(String column) {
        return ChatKind.valueOf(column.toUpperCase(Locale.ROOT));
    }

    private static Map<String, Object> key(PendingReply reply) {
        return Map.of("platform", reply.platform(), "groupId", reply.groupId(), "messageId", reply.messageId(),
                "contentHash", reply.contentHash());
    }

}
