package cn.cdsw.tallybot.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code activity_record}. Reads attach each record's metrics and items through
 * {@link RecordLineRepository} in one batch per result, never one query per row.
 */
@Repository
class RecordRepository {

    private static final String SELECT = """
            SELECT id, platform, group_id, sender_id, sender_name, message_id, content_hash, received_at, activity_date,
                   district, unit, category, materials_total, value_fen, note, raw_text, status,
                   supersedes, superseded_by
            FROM activity_record
            """;

    /** Maps the record row only; lines are attached afterwards by {@link #withLines}. */
    private static final RowMapper<ActivityRecord> ROW = (rs, n) -> new ActivityRecord(rs.getLong("id"),
            new RecordSource(rs.getString("platform"), rs.getString("group_id"), rs.getString("sender_id"),
                    rs.getString("sender_name"), rs.getString("message_id"), rs.getString("content_hash"),
                    Instant.ofEpochMilli(rs.getLong("received_at"))),
            new ReportContent(rs.getString("district"), rs.getString("unit"), rs.getString("category"),
                    LocalDate.parse(rs.getString("activity_date")), List.of(), List.of(),
                    nullableLong(rs, "materials_total"), Money.fenToYuan(nullableLong(rs, "value_fen")),
                    rs.getString("note")),
            rs.getString("raw_text"), RecordStatus.fromWireName(rs.getString("status")), nullableLong(rs, "supersedes"),
            nullableLong(rs, "superseded_by"));

    private final JdbcClient jdbc;

    private final RecordLineRepository lines;

    private final RollupRepository rollups;

    RecordRepository(JdbcClient jdbc, RecordLineRepository lines, RollupRepository rollups) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.rollups = rollups;
    }

    /**
     * Inserts an active record with its lines, or nothing when its source key exists.
     * {@code RETURNING} yields no row on a conflict (SQLite 3.35+ and PostgreSQL alike),
     * which is the "row count 0" signal.
     */
    OptionalLong insert(RecordSource source, ReportContent content, String rawText, @Nullable Long supersedes) {
        Optional<Long> id = jdbc
            .sql("""
                    INSERT INTO activity_record (platform, group_id, sender_id, sender_name, message_id, content_hash,
                        received_at, activity_date, district, unit, category, materials_total, value_fen, note, raw_text,
                        status, supersedes)
                    VALUES (:platform, :groupId, :senderId, :senderName, :messageId, :contentHash, :receivedAt, :activityDate,
                        :district, :unit, :category, :materialsTotal, :valueFen, :note, :rawText, 'active', :supersedes)
                    ON CONFLICT DO NOTHING
                    RETURNING id""")
            .param("platform", source.platform())
            .param("groupId", source.groupId())
            .param("senderId", source.senderId())
            .param("senderName", source.senderName())
            .param("messageId", source.messageId())
            .param("contentHash", source.contentHash())
            .param("receivedAt", source.receivedAt().toEpochMilli())
            .param("activityDate", content.activityDate().toString())
            .param("district", content.district())
            .param("unit", content.unit())
            .param("category", content.category())
            .param("materialsTotal", content.materialsTotal())
            .param("valueFen", Money.yuanToFen(content.valueYuan()))
            .param("note", content.note())
            .param("rawText", rawText)
            .param("supersedes", supersedes)
            .query(Long.class)
            .optional();
        id.ifPresent(recordId -> {
            lines.insert(recordId, content.metrics(), content.items());
            rollups.add(recordId, 1);
        });
        return id.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /**
     * The record {@link #insert} just stored, as a read would return it (the instant to
     * the millisecond, money through fen), built from what was written rather than read
     * back: three fewer queries per report.
     */
    static ActivityRecord asStored(long id, RecordSource source, ReportContent content, String rawText,
            @Nullable Long supersedes) {
        RecordSource stored = new RecordSource(source.platform(), source.groupId(), source.senderId(),
                source.senderName(), source.messageId(), source.contentHash(),
                source.receivedAt().truncatedTo(ChronoUnit.MILLIS));
        ReportContent exact = new ReportContent(content.district(), content.unit(), content.category(),
                content.activityDate(), content.metrics(), content.items(), content.materialsTotal(),
                Money.fenToYuan(Money.yuanToFen(content.valueYuan())), content.note());
        return new ActivityRecord(id, stored, exact, rawText, RecordStatus.ACTIVE, supersedes, null);
    }

    Optional<ActivityRecord> findById(long id) {
        return first(jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(ROW).list());
    }

    /** The record this very message (its id and its content) made. */
    Optional<ActivityRecord> findBySource(RecordSource source) {
        return first(jdbc.sql(SELECT + """
                WHERE platform = :platform AND group_id = :groupId AND message_id = :messageId
                  AND content_hash = :contentHash""")
            .param("platform", source.platform())
            .param("groupId", source.groupId())
            .param("messageId", source.messageId())
            .param("contentHash", source.contentHash())
            .query(ROW)
            .list());
    }

    /**
     * The newest record a message with this id made: when a platform reused the id, the
     * latest message is the one a member can still see, recall or ask about.
     */
    Optional<ActivityRecord> findNewestByMessageId(String platform, String groupId, String messageId) {
        return first(jdbc.sql(SELECT + """
                WHERE platform = :platform AND group_id = :groupId AND message_id = :messageId
                ORDER BY id DESC LIMIT 1""")
            .param("platform", platform)
            .param("groupId", groupId)
            .param("messageId", messageId)
            .query(ROW)
            .list());
    }

    Optional<ActivityRecord> findLastActive(String platform, String groupId, String senderId) {
        return first(jdbc.sql(SELECT + """
                WHERE platform = :platform AND group_id = :groupId AND sender_id = :senderId AND status = 'active'
                ORDER BY id DESC LIMIT 1""")
            .param("platform", platform)
            .param("groupId", groupId)
            .param("senderId", senderId)
            .query(ROW)
            .list());
    }

    List<ActivityRecord> findActiveOn(String platform, String groupId, String senderId, LocalDate date) {
        return withLines(jdbc.sql(SELECT + """
                WHERE platform = :platform AND group_id = :groupId AND sender_id = :senderId
                  AND activity_date = :date AND status = 'active'
                ORDER BY id""")
            .param("platform", platform)
            .param("groupId", groupId)
            .param("senderId", senderId)
            .param("date", date.toString())
            .query(ROW)
            .list());
    }

    /**
     * The sender's active records of one day in every chat, groups and private alike; the
     * date index finds the day's records.
     */
    List<ActivityRecord> findActiveOfSenderOn(String platform, String senderId, LocalDate date) {
        return withLines(jdbc.sql(SELECT + """
                WHERE activity_date = :date AND status = 'active' AND platform = :platform AND sender_id = :senderId
                ORDER BY id""")
            .param("platform", platform)
            .param("senderId", senderId)
            .param("date", date.toString())
            .query(ROW)
            .list());
    }

    /**
     * At most {@code limit} records matching every non-null criterion whose id is above
     * {@code afterId}, by id: a keyset page, so a page costs the same wherever it lies
     * and nothing reads the whole table. Conditions are fixed fragments; only values
     * bind.
     */
    List<ActivityRecord> page(RecordFilter filter, long afterId, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("afterId", afterId);
        params.put("limit", limit);
        String where = where(filter, params);
        String after = where.isEmpty() ? "WHERE id > :afterId" : where + " AND id > :afterId";
        return withLines(jdbc.sql(SELECT + after + " ORDER BY id LIMIT :limit").params(params).query(ROW).list());
    }

    /** The newest {@code limit} records matching the filter, newest first. */
    List<ActivityRecord> newest(RecordFilter filter, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        return withLines(jdbc.sql(SELECT + where(filter, params) + " ORDER BY id DESC LIMIT :limit")
            .params(params)
            .query(ROW)
            .list());
    }

    long count(RecordFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM activity_record " + where(filter, params))
            .params(params)
            .query(Long.class)
            .single();
    }

    private static String where(RecordFilter filter, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        addCondition(where, params, "activity_date >= :from", "from", filter.from());
        addCondition(where, params, "activity_date <= :to", "to", filter.to());
        addCondition(where, params, "district = :district", "district", filter.district());
        addCondition(where, params, "unit = :unit", "unit", filter.unit());
        addCondition(where, params, "status = :status", "status",
                filter.status() == null ? null : filter.status().wireName());
        return where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where);
    }

    /**
     * Sets a status only while the record is active; false when it was missing or no
     * longer active.
     */
    boolean markRetracted(long id) {
        boolean changed = jdbc
            .sql("UPDATE activity_record SET status = 'retracted' WHERE id = :id AND status = 'active'")
            .param("id", id)
            .update() == 1;
        return leftActive(changed, id);
    }

    /**
     * Links an active record to its correction; false when it was missing or no longer
     * active.
     */
    boolean markSuperseded(long id, long supersededBy) {
        boolean changed = jdbc.sql("""
                UPDATE activity_record SET status = 'superseded', superseded_by = :supersededBy
                WHERE id = :id AND status = 'active'""")
            .param("id", id)
            .param("supersededBy", supersededBy)
            .update() == 1;
        return leftActive(changed, id);
    }

    /** A record that stopped being active leaves the rollups in the same transaction. */
    private boolean leftActive(boolean changed, long id) {
        if (changed) {
            rollups.add(id, -1);
        }
        return changed;
    }

    private static void addCondition(List<String> where, Map<String, Object> params, String condition, String name,
            @Nullable Object value) {
        if (value != null) {
            where.add(condition);
            params.put(name, value instanceof LocalDate date ? date.toString() : value);
        }
    }

    private Optional<ActivityRecord> first(List<ActivityRecord> rows) {
        return withLines(rows).stream().findFirst();
    }

    private List<ActivityRecord> withLines(List<ActivityRecord> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream().map(ActivityRecord::id).toList();
        Map<Long, List<Metric>> metrics = lines.metricsOf(ids);
        Map<Long, List<Item>> items = lines.itemsOf(ids);
        return rows.stream()
            .map(r -> withLines(r, metrics.getOrDefault(r.id(), List.of()), items.getOrDefault(r.id(), List.of())))
            .toList();
    }

    private static ActivityRecord withLines(ActivityRecord r, List<Metric> metrics, List<Item> items) {
        ReportContent c = r.content();
        ReportContent full = new ReportContent(c.district(), c.unit(), c.category(), c.activityDate(), metrics, items,
                c.materialsTotal(), c.valueYuan(), c.note());
        return new ActivityRecord(r.id(), r.source(), full, r.rawText(), r.status(), r.supersedes(), r.supersededBy());
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

}
