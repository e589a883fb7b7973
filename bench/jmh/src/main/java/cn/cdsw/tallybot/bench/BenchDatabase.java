package cn.cdsw.tallybot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.Flyway;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigLoader;
import cn.cdsw.tallybot.config.District;

/**
 * Fills a SQLite database for the query and summary benchmarks: {@code records} records over the year ending
 * {@link #LAST_DAY}, 23 districts, 2,000 units, 200 groups, several metrics and items each (bench/querydb.sh). Rows are
 * written directly with batched JDBC inserts on a schema migrated up to V4 (the raw tables), then the remaining
 * migrations run, so any later migration's backfill is part of the set-up and its time is printed. Also writes
 * a bot-config/ beside the database whose directory lists the 2,000 units and the 200 summary groups.
 *
 * <p>Usage: {@code BenchDatabase DB_FILE RECORDS CONFIG_OUT_DIR} from the repository root.
 */
public final class BenchDatabase {

    /** The product's own migration folders for SQLite, as application.yml resolves them. */
    private static final String[] MIGRATIONS = { "classpath:db/migration/common", "classpath:db/migration/sqlite" };


    public static final java.time.LocalDate LAST_DAY = java.time.LocalDate.of(2026, 11, 28);
    static final int DAYS = 365;
    static final int UNITS = 2000;
    static final int GROUPS = 200;

    private BenchDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int records = Integer.parseInt(args[1]);
        BotConfig config = BotConfigLoader.load(Path.of("bot-config"));
        List<String> districts = config.districts().all().stream().map(District::name).toList();
        writeConfig(Path.of(args[2]), districts);
        Files.deleteIfExists(db);
        String url = "jdbc:sqlite:" + db.toAbsolutePath();
        long start = System.nanoTime();
        Flyway.configure().dataSource(url, null, null).locations(MIGRATIONS).target("4")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                // a throw-away database: no journal, no syncs, a big page cache
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
                s.execute("PRAGMA cache_size=-400000");
            }
            new RecordWriter(c, districts, UNITS, GROUPS).write(records, LAST_DAY.minusDays(DAYS - 1), DAYS);
        }
        long inserted = System.nanoTime();
        Flyway.configure().dataSource(url, null, null).locations(MIGRATIONS).load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("ANALYZE");
        }
        System.out.printf("BenchDatabase: %d records inserted in %.1f s, later migrations (backfill) %.1f s%n",
                records, (inserted - start) / 1e9, (System.nanoTime() - inserted) / 1e9);
    }

    /** bot-config/ with the bench's unit directory (unit j belongs to district j mod 23) and summary groups. */
    private static void writeConfig(Path dir, List<String> districts) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(Path.of("bot-config"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        StringBuilder units = new StringBuilder("units:\n");
        for (int d = 0; d < districts.size(); d++) {
            units.append("  ").append(districts.get(d)).append(": [");
            for (int j = d, n = 0; j < UNITS; j += districts.size(), n++) {
                units.append(n == 0 ? "" : ", ").append(RecordWriter.unitName(districts, j));
            }
            units.append("]\n");
        }
        Files.writeString(dir.resolve("units.yml"), units, StandardCharsets.UTF_8);
        StringBuilder groups = new StringBuilder("groups:\n");
        for (int g = 0; g < GROUPS; g++) {
            groups.append("  - platform: onebot\n    id: \"").append(RecordWriter.groupId(g))
                    .append("\"\n    name: 群").append(g).append("\n    summary: true\n");
        }
        Files.writeString(dir.resolve("groups.yml"), groups, StandardCharsets.UTF_8);
    }

    static void check(boolean condition, String message) throws SQLException {
        if (!condition) {
            throw new SQLException(message);
        }
    }
}
