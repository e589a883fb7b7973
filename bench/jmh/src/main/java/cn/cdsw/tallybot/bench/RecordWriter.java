package cn.cdsw.tallybot.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes generated records, their metrics and items in batches, ids assigned here so lines need no read-back.
 * Records are spread evenly over the days in id order (as they arrive); 94% active, 3% retracted, 3% superseded.
 */
final class RecordWriter {

    private static final String[][] METRICS = { { "visits", "户" }, { "visits", "人次" }, { "calls", "次" },
        { "cases", "个" }, { "consultations", "人次" }, { "volunteers", "人" }, { "publicity", "份" },
        { "services", "人次" } };
    private static final String[][] ITEMS = { { "大米", "袋" }, { "口罩", "个" }, { "食用油", "瓶" },
        { "消毒酒精", "瓶" }, { "方便面", "箱" } };
    private static final int BATCH = 5000;

    private final Connection c;
    private final List<String> districts;
    private final int units;
    private final int groups;
    private final SplittableRandom random = new SplittableRandom(6);

    RecordWriter(Connection c, List<String> districts, int units, int groups) {
        this.c = c;
        this.districts = districts;
        this.units = units;
        this.groups = groups;
    }

    static String unitName(List<String> districts, int unit) {
        return districts.get(unit % districts.size()).replaceAll("[区县市]$", "") + "第" + (unit / districts.size() + 1)
                + "社工站";
    }

    static String groupId(int group) {
        return String.valueOf(900_000_000L + group);
    }

    void write(int records, LocalDate firstDay, int days) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement r = c.prepareStatement("""
                INSERT INTO activity_record (id, platform, group_id, sender_id, sender_name, message_id, received_at,
                    activity_date, district, unit, category, materials_total, value_fen, note, raw_text, status)
                VALUES (?, 'onebot', ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?, ?)""");
                PreparedStatement m = c.prepareStatement(
                        "INSERT INTO record_metric (record_id, position, metric_key, unit, value, approx) VALUES (?, ?, ?, ?, ?, 0)");
                PreparedStatement i = c.prepareStatement(
                        "INSERT INTO record_item (record_id, position, name, quantity, unit, approx) VALUES (?, ?, ?, ?, ?, 0)")) {
            for (int k = 0; k < records; k++) {
                record(r, m, i, k + 1, firstDay.plusDays((long) k * days / records));
                if ((k + 1) % BATCH == 0 || k + 1 == records) {
                    r.executeBatch();
                    m.executeBatch();
                    i.executeBatch();
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private void record(PreparedStatement r, PreparedStatement m, PreparedStatement i, long id, LocalDate day)
            throws SQLException {
        int unit = random.nextInt(units);
        int sender = random.nextInt(5000);
        int metricCount = 1 + random.nextInt(4);
        int first = random.nextInt(METRICS.length);
        for (int p = 0; p < metricCount; p++) {
            String[] metric = METRICS[(first + p) % METRICS.length];
            m.setLong(1, id);
            m.setInt(2, p);
            m.setString(3, metric[0]);
            m.setString(4, metric[1]);
            m.setLong(5, 1 + random.nextInt(300));
            m.addBatch();
        }
        long materials = 0;
        int itemCount = random.nextInt(4);
        for (int p = 0; p < itemCount; p++) {
            String[] item = ITEMS[(unit + p) % ITEMS.length];
            long quantity = 1 + random.nextInt(500);
            materials += quantity;
            i.setLong(1, id);
            i.setInt(2, p);
            i.setString(3, item[0]);
            i.setLong(4, quantity);
            i.setString(5, item[1]);
            i.addBatch();
        }
        int fate = random.nextInt(100);
        r.setLong(1, id);
        r.setString(2, groupId(random.nextInt(groups)));
        r.setString(3, String.valueOf(20_000 + sender));
        r.setString(4, "社工" + sender);
        r.setString(5, "bench-" + id);
        r.setLong(6, day.atTime(18, 0).toInstant(ZoneOffset.ofHours(8)).toEpochMilli());
        r.setString(7, day.toString());
        r.setString(8, districts.get(unit % districts.size()));
        r.setString(9, unitName(districts, unit));
        if (itemCount > 0) {
            r.setLong(10, materials);
        } else {
            r.setNull(10, Types.INTEGER);
        }
        if (random.nextInt(10) < 3) {
            r.setLong(11, 100 + random.nextInt(5_000_000));
        } else {
            r.setNull(11, Types.INTEGER);
        }
        r.setString(12, "#上报 " + districts.get(unit % districts.size()) + " 走访" + (1 + random.nextInt(300)) + "户");
        r.setString(13, fate < 94 ? "active" : fate < 97 ? "retracted" : "superseded");
        r.addBatch();
    }
}
