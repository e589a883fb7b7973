package cn.cdsw.tallybot.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import cn.cdsw.tallybot.platform.GroupRef;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code reminder_post}: the claim that makes each reminder go out at most once per
 * (group, date, slot), the daily summary's pattern (docs/daily-summary.md §3,
 * docs/reminders.md §4). A claim is an {@code INSERT … ON CONFLICT DO NOTHING}; every
 * later change is an {@code UPDATE … WHERE status = :expected} whose row count says
 * whether this caller won:
 *
 * <pre>
 * pending ─queue→ pending, leased ─take→ sending ─→ sent | failed (retried while the slot matters) | abandoned
 * pending ─→ skipped (nobody missing)   pending | failed ─→ abandoned (slot over, no sender)
 * </pre>
 *
 * A row left in {@code sending} was being sent when its process died; like a summary it
 * is never resent.
 */
@Repository
class ReminderClaimRepository {

    private static final String COLUMNS = """
            platform, group_id, reminder_date, slot, status, attempts, next_attempt_at, claimed_at, owner""";

    private static final String KEY = "platform = :platform AND group_id = :groupId AND reminder_date = :date"
            + " AND slot = :slot";

    private final JdbcClient jdbc;

    ReminderClaimRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the slot as {@code pending}; true only for the one caller that inserted the
     * row.
     */
    boolean claim(GroupRef group, LocalDate date, LocalTime slot, Instant now) {
        return jdbc.sql("""
                INSERT INTO reminder_post (platform, group_id, reminder_date, slot, status, attempts, next_attempt_at,
                    claimed_at)
                VALUES (:platform, :groupId, :date, :slot, 'pending', 0, :now, :now)
                ON CONFLICT DO NOTHING""")
            .params(key(group, date, slot))
            .param("now", now.toEpochMilli())
            .update() == 1;
    }

    /** Rows to try: pending, or failed with the retry time come, and not leased. */
    List<ReminderPost> due(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM reminder_post
                WHERE status IN ('pending', 'failed') AND next_attempt_at <= :now
                  AND (lease_until IS NULL OR lease_until < :now)
                ORDER BY reminder_date, slot, platform, group_id""")
            .param("now", now.toEpochMilli())
            .query(ReminderClaimRepository::map)
            .list();
    }

    /** Leases the row, as read, to {@code owner}: of two ticks or replicas one wins. */
    boolean queue(ReminderPost post, String owner, Instant now, Instant lease) {
        return jdbc
            .sql("UPDATE reminder_post SET owner = :owner, lease_until = :lease WHERE " + KEY
                    + " AND status = :expected AND attempts = :attempts AND next_attempt_at <= :now"
                    + " AND (lease_until IS NULL OR lease_until < :now)")
            .params(key(post))
            .param("owner", owner)
            .param("lease", lease.toEpochMilli())
            .param("expected", post.status())
            .param("attempts", post.attempts())
            .param("now", now.toEpochMilli())
            .update() == 1;
    }

    /**
     * {@code pending|failed → sending} for {@code owner} right before the platform call.
     */
    boolean take(ReminderPost post, String owner) {
        return jdbc
            .sql("UPDATE reminder_post SET status = 'sending', attempts = attempts + 1, lease_until = NULL WHERE " + KEY
                    + " AND status = :expected AND attempts = :attempts AND owner = :owner")
            .params(key(post))
            .param("owner", owner)
            .param("expected", post.status())
            .param("attempts", post.attempts())
            .update() == 1;
    }

    boolean markSent(ReminderPost post, String owner, Instant now) {
        return finishSending(post, owner, "status = 'sent', sent_at = :now, last_error = NULL",
                Map.of("now", now.toEpochMilli()));
    }

    boolean markFailed(ReminderPost post, String owner, Instant next, String error) {
        return finishSending(post, owner, "status = 'failed', next_attempt_at = :next, last_error = :error",
                Map.of("next", next.toEpochMilli(), "error", error));
    }

    boolean markAbandoned(ReminderPost post, String owner, String error) {
        return finishSending(post, owner, "status = 'abandoned', last_error = :error", Map.of("error", error));
    }

    /**
     * {@code sending → …} for the row {@code owner} took: {@code set} is the SQL SET
     * list, {@code values} its parameters.
     */
    private boolean finishSending(ReminderPost post, String owner, String set, Map<String, Object> values) {
        return jdbc
            .sql("UPDATE reminder_post SET " + set + " WHERE " + KEY + " AND status = 'sending' AND owner = :owner")
            .params(key(post))
            .params(values)
            .param("owner", owner)
            .update() == 1;
    }

    /**
     * {@code pending|failed → skipped|abandoned} without a call, for the row exactly as
     * read ({@code skipped}: nobody was missing).
     */
    boolean close(ReminderPost post, String status, String reason) {
        return jdbc
            .sql("UPDATE reminder_post SET status = :status, last_error = :reason, lease_until = NULL WHERE " + KEY
                    + " AND status = :expected AND attempts = :attempts")
            .params(key(post))
            .param("status", status)
            .param("reason", reason)
            .param("expected", post.status())
            .param("attempts", post.attempts())
            .update() == 1;
    }

    /** Extends the lease of every row {@code owner} has queued. */
    int renew(String owner, Instant now, Instant lease) {
        return jdbc.sql("""
                UPDATE reminder_post SET lease_until = :lease
                WHERE status IN ('pending', 'failed') AND owner = :owner AND lease_until >= :now""")
            .param("owner", owner)
            .param("now", now.toEpochMilli())
            .param("lease", lease.toEpochMilli())
            .update();
    }

    /** Every row of {@code date}, for tests and operators. */
    List<ReminderPost> ofDate(LocalDate date) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM reminder_post WHERE reminder_date = :date"
                    + " ORDER BY slot, platform, group_id")
            .param("date", date.toString())
            .query(ReminderClaimRepository::map)
            .list();
    }

    private static Map<String, Object> key(ReminderPost post) {
        return key(post.group(), post.date(), post.slot());
    }

    private static Map<String, Object> key(GroupRef group, LocalDate date, LocalTime slot) {
        return Map.of("platform", group.platform(), "groupId", group.groupId(), "date", date.toString(), "slot",
                ReminderPost.slotText(slot));
    }

    private static ReminderPost map(ResultSet rs, int row) throws SQLException {
        String owner = rs.getString("owner");
        return new ReminderPost(new GroupRef(rs.getString("platform"), rs.getString("group_id")),
                LocalDate.parse(rs.getString("reminder_date")), LocalTime.parse(rs.getString("slot")),
                rs.getString("status"), rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
                Instant.ofEpochMilli(rs.getLong("claimed_at")), owner);
    }

}
