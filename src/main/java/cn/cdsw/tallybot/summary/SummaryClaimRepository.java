package cn.cdsw.tallybot.summary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.cdsw.tallybot.platform.GroupRef;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code summary_post}: the claim that makes the daily summary, the weekly and the
 * monthly report go out exactly once per (group, kind, date) (docs/daily-summary.md §3);
 * the methods without a {@link PostKind} are the daily summary's. A claim is an
 * {@code INSERT … ON CONFLICT DO NOTHING}; every later change is an
 * {@code UPDATE … WHERE status = :expected} whose row count says whether this caller won,
 * so two ticks or two replicas on one database can never both send:
 *
 * <pre>
 * pending ─queue→ pending, leased ─take→ sending ─→ sent
 * failed  ─queue→ failed, leased  ─take→ sending ─→ failed (retryable, with next_attempt_at) | abandoned
 * (a leased row waits in its group's outbound queue; once its lease has run out it is due again)
 * pending | failed ──────→ abandoned (no sender for the platform, or the retry period passed while down)
 * </pre>
 *
 * <p>
 * A row left in {@code sending} means the process died during the platform call: the
 * group may or may not have the post. It is never resent automatically, because
 * at-most-once beats a double post in a group chat; {@link #interrupted()} lists such
 * rows so start-up can log them for an operator, who can re-post with
 * {@code POST /api/v1/summary?date=}.
 */
@Repository
class SummaryClaimRepository {

    private static final String COLUMNS = """
            platform, group_id, kind, summary_date, status, attempts, next_attempt_at, claimed_at, sent_at, last_error,
            catch_up, owner, lease_until""";

    private static final String KEY = "platform = :platform AND group_id = :groupId AND kind = :kind"
            + " AND summary_date = :date";

    private final JdbcClient jdbc;

    SummaryClaimRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims (group, date) as {@code pending}; true only for the one caller that inserted
     * the row.
     */
    boolean claim(GroupRef group, LocalDate date, boolean catchUp, Instant now) {
        return claim(group, PostKind.DAILY, date, catchUp, now);
    }

    boolean claim(GroupRef group, PostKind kind, LocalDate date, boolean catchUp, Instant now) {
        return jdbc.sql("""
                INSERT INTO summary_post (platform, group_id, kind, summary_date, status, attempts, next_attempt_at,
                    claimed_at, catch_up)
                VALUES (:platform, :groupId, :kind, :date, 'pending', 0, :now, :now, :catchUp)
                ON CONFLICT DO NOTHING""")
            .params(key(group, kind, date))
            .param("now", now.toEpochMilli())
            .param("catchUp", catchUp ? 1 : 0)
            .update() == 1;
    }

    /**
     * Rows a tick should try: {@code pending}, or {@code failed} whose retry time has
     * come; oldest date first.
     */
    List<SummaryPost> due(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM summary_post
                WHERE status IN ('pending', 'failed') AND next_attempt_at <= :now
                  AND (lease_until IS NULL OR lease_until < :now)
                ORDER BY summary_date, kind, platform, group_id""")
            .param("now", now.toEpochMilli())
            .query(SummaryClaimRepository::map)
            .list();
    }

    /**
     * Moves the row, as read, to {@code sending} owned by {@code owner}. The status and
     * attempt count in the condition make this a compare-and-set: of two takers of the
     * same row, exactly one gets row count 1.
     */
    boolean take(SummaryPost post, String owner, Instant now) {
        return jdbc
            .sql("UPDATE summary_post SET status = 'sending', owner = :owner, attempts = attempts + 1,"
                    + " lease_until = NULL WHERE " + KEY
                    + " AND status = :expected AND attempts = :attempts AND next_attempt_at <= :now"
                    + " AND (owner = :owner OR owner IS NULL)")
            .params(key(post))
            .param("owner", owner)
            .param("expected", post.status().code())
            .param("attempts", post.attempts())
            .param("now", now.toEpochMilli())
            .update() == 1;
    }

    /**
     * {@code sending → sent}; false when the row is no longer this owner's (e.g. an
     * operator's re-post).
     */
    boolean markSent(SummaryPost post, String owner, Instant now) {
        return jdbc
            .sql("UPDATE summary_post SET status = 'sent', sent_at = :now, last_error = NULL WHERE " + KEY
                    + " AND status = 'sending' AND owner = :owner")
            .params(key(post))
            .param("owner", owner)
            .param("now", now.toEpochMilli())
            .update() == 1;
    }

    /** {@code sending → failed}, to be taken again from {@code nextAttemptAt}. */
    boolean markFailed(SummaryPost post, String owner, Instant nextAttemptAt, String error) {
        return jdbc
            .sql("UPDATE summary_post SET status = 'failed', next_attempt_at = :next, last_error = :error WHERE " + KEY
                    + " AND status = 'sending' AND owner = :owner")
            .params(key(post))
            .param("owner", owner)
            .param("next", nextAttemptAt.toEpochMilli())
            .param("error", error)
            .update() == 1;
    }

    /**
     * {@code sending → abandoned} after a failed call that must not or may no longer be
     * retried.
     */
    boolean markAbandoned(SummaryPost post, String owner, String error) {
        return jdbc
            .sql("UPDATE summary_post SET status = 'abandoned', last_error = :error WHERE " + KEY
                    + " AND status = 'sending' AND owner = :owner")
            .params(key(post))
            .param("owner", owner)
            .param("error", error)
            .update() == 1;
    }

    /**
     * {@code pending | failed → abandoned} without a call, for the row exactly as read.
     */
    boolean abandonUnsent(SummaryPost post, String error) {
        return jdbc
            .sql("UPDATE summary_post SET status = 'abandoned', last_error = :error, lease_until = NULL WHERE " + KEY
                    + " AND status = :expected AND attempts = :attempts")
            .params(key(post))
            .param("expected", post.status().code())
            .param("attempts", post.attempts())
            .param("error", error)
            .update() == 1;
    }

    /**
     * Records an operator's re-post as {@code sent}: inserts the row if the tick has not
     * claimed it yet, and otherwise stops whatever the tick still had planned (a pending
     * or failed row would post a second time, an interrupted {@code sending} row would
     * stay reported forever). True when a row was written.
     */
    boolean recordManualPost(GroupRef group, LocalDate date, Instant now) {
        return jdbc.sql("""
                INSERT INTO summary_post (platform, group_id, kind, summary_date, status, attempts, next_attempt_at,
                    claimed_at, sent_at, last_error, catch_up)
                VALUES (:platform, :groupId, :kind, :date, 'sent', 1, :now, :now, :now, 'posted manually', 0)
                ON CONFLICT (platform, group_id, kind, summary_date) DO UPDATE
                   SET status = 'sent', sent_at = :now, last_error = 'posted manually'
                 WHERE summary_post.status <> 'sent'""")
            .params(key(group, PostKind.DAILY, date))
            .param("now", now.toEpochMilli())
            .update() == 1;
    }

    /**
     * Queues the row, as read, for {@code owner} until {@code lease}: a compare-and-set
     * like {@link #take}, so of two ticks or replicas one queues it. The status stays, so
     * a replica that stops leaves it due again once the lease has run out.
     */
    boolean queue(SummaryPost post, String owner, Instant now, Instant lease) {
        return jdbc
            .sql("UPDATE summary_post SET owner = :owner, lease_until = :lease WHERE " + KEY
                    + " AND status = :expected AND attempts = :attempts AND next_attempt_at <= :now"
                    + " AND (lease_until IS NULL OR lease_until < :now)")
            .params(key(post))
            .param("owner", owner)
            .param("lease", lease.toEpochMilli())
            .param("expected", post.status().code())
            .param("attempts", post.attempts())
            .param("now", now.toEpochMilli())
            .update() == 1;
    }

    /**
     * An operator's re-post: (re)claims the row as {@code pending}, queued for
     * {@code owner} until {@code lease}, whatever was posted before, unless it is queued
     * or being sent right now. True when the row was written.
     */
    boolean queueRepost(GroupRef group, LocalDate date, String owner, Instant now, Instant lease) {
        return queueRepost(group, PostKind.DAILY, date, owner, now, lease);
    }

    boolean queueRepost(GroupRef group, PostKind kind, LocalDate date, String owner, Instant now, Instant lease) {
        return jdbc.sql("""
                INSERT INTO summary_post (platform, group_id, kind, summary_date, status, attempts, next_attempt_at,
                    claimed_at, last_error, catch_up, owner, lease_until)
                VALUES (:platform, :groupId, :kind, :date, 'pending', 0, :now, :now, 're-post requested', 0, :owner,
                    :lease)
                ON CONFLICT (platform, group_id, kind, summary_date) DO UPDATE
                   SET status = 'pending', attempts = 0, next_attempt_at = :now, claimed_at = :now, sent_at = NULL,
                       last_error = 're-post requested', catch_up = 0, owner = :owner, lease_until = :lease
                 WHERE NOT (summary_post.status IN ('pending', 'failed') AND summary_post.lease_until >= :now)""")
            .params(key(group, kind, date))
            .param("owner", owner)
            .param("now", now.toEpochMilli())
            .param("lease", lease.toEpochMilli())
            .update() == 1;
    }

    /** Extends the lease of every post {@code owner} has queued. */
    int renew(String owner, Instant now, Instant lease) {
        return jdbc.sql("""
                UPDATE summary_post SET lease_until = :lease
                WHERE status IN ('pending', 'failed') AND owner = :owner AND lease_until >= :now""")
            .param("owner", owner)
            .param("now", now.toEpochMilli())
            .param("lease", lease.toEpochMilli())
            .update();
    }

    /** Every daily post of {@code date}, for the progress of a re-post. */
    List<SummaryPost> ofDate(LocalDate date) {
        return ofDate(PostKind.DAILY, date);
    }

    /** Every post of a kind for the period starting on {@code date}. */
    List<SummaryPost> ofDate(PostKind kind, LocalDate date) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM summary_post WHERE kind = :kind AND summary_date = :date"
                    + " ORDER BY platform, group_id")
            .param("kind", kind.code())
            .param("date", date.toString())
            .query(SummaryClaimRepository::map)
            .list();
    }

    /**
     * Rows left in {@code sending}: the process died during the call (see the class
     * comment).
     */
    List<SummaryPost> interrupted() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM summary_post WHERE status = 'sending' ORDER BY summary_date, kind")
            .query(SummaryClaimRepository::map)
            .list();
    }

    Optional<SummaryPost> find(GroupRef group, LocalDate date) {
        return find(group, PostKind.DAILY, date);
    }

    Optional<SummaryPost> find(GroupRef group, PostKind kind, LocalDate date) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM summary_post WHERE " + KEY)
            .params(key(group, kind, date))
            .query(SummaryClaimRepository::map)
            .optional();
    }

    private static Map<String, Object> key(GroupRef group, PostKind kind, LocalDate date) {
        return Map.of("platform", group.platform(), "groupId", group.groupId(), "kind", kind.code(), "date",
                date.toString());
    }

    private static Map<String, Object> key(SummaryPost post) {
        return key(post.group(), post.kind(), post.date());
    }

    private static SummaryPost map(ResultSet rs, int row) throws SQLException {
        return new SummaryPost(new GroupRef(rs.getString("platform"), rs.getString("group_id")),
                PostKind.of(rs.getString("kind")), LocalDate.parse(rs.getString("summary_date")),
                PostStatus.of(rs.getString("status")), rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("next_attempt_at")), Instant.ofEpochMilli(rs.getLong("claimed_at")),
                instantOrNull(rs, "sent_at"), rs.getString("last_error"), rs.getInt("catch_up") == 1,
                rs.getString("owner"), instantOrNull(rs, "lease_until"));
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

}
