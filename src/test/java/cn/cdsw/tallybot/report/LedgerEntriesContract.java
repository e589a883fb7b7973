package cn.cdsw.tallybot.report;

import static cn.cdsw.tallybot.report.Reports.DAY;
import static cn.cdsw.tallybot.report.Reports.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's read of a day: every active record once, in id order, each with its own
 * lines, across pages of {@value LedgerEntryRepository#PAGE}; on each database the bot
 * runs on.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class LedgerEntriesContract {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static final int RECORDS = 2 * LedgerEntryRepository.PAGE + 345;

    private ReportService reports;

    /** What each active record of {@link Reports#DAY} holds, by id. */
    private final Map<Long, ReportContent> active = new LinkedHashMap<>();

    /** The same of the day before. */
    private final Map<Long, ReportContent> activeTheDayBefore = new LinkedHashMap<>();

    /** A migrated, empty ledger of the database under test. */
    abstract DataSource migrated();

    @BeforeAll
    void store() {
        DataSource dataSource = migrated();
        reports = SqliteTestDatabase.reportService(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
        // one commit for all of them: the reads under test do not care how they came
        new TransactionTemplate(new DataSourceTransactionManager(dataSource))
            .executeWithoutResult(status -> storeAll());
    }

    private void storeAll() {
        for (int i = 0; i < RECORDS; i++) {
            ReportContent content = content(i, i % 7 == 0 ? DAY.minusDays(1) : DAY);
            long id = reports.store(source("m" + i), content, "#上报 " + i).record().id();
            if (i % 11 == 0) {
                reports.retract(id, new Actor("onebot", "10001"));
            }
            else {
                (content.activityDate().equals(DAY) ? active : activeTheDayBefore).put(id, content);
            }
        }
    }

    @Test
    void everyActiveRecordOfTheDayComesOnceInIdOrderWithItsOwnLines() {
        List<LedgerEntry> read = new ArrayList<>();
        reports.eachActiveBetween(DAY, DAY, null, null, read::add);

        assertThat(read).extracting(LedgerEntry::id).containsExactlyElementsOf(active.keySet());
        for (LedgerEntry entry : read) {
            assertThat(entry.content()).as("record " + entry.id()).isEqualTo(active.get(entry.id()));
            assertThat(entry.reporter()).isEqualTo("张三");
        }
    }

    @Test
    void aRangeComesDayByDayAndEachDayInIdOrder() {
        List<LedgerEntry> read = new ArrayList<>();
        reports.eachActiveBetween(DAY.minusDays(1), DAY.plusDays(1), null, null, read::add);

        List<Long> expected = new ArrayList<>(activeTheDayBefore.keySet());
        expected.addAll(active.keySet());
        assertThat(read).extracting(LedgerEntry::id).containsExactlyElementsOf(expected);
        for (LedgerEntry entry : read.subList(0, activeTheDayBefore.size())) {
            assertThat(entry.content()).as("record " + entry.id()).isEqualTo(activeTheDayBefore.get(entry.id()));
        }
    }

    @Test
    void aDistrictOrAUnitReadsOnlyItsOwn() {
        List<LedgerEntry> district = new ArrayList<>();
        reports.eachActiveBetween(DAY, DAY, "金牛区", null, district::add);
        List<LedgerEntry> unit = new ArrayList<>();
        reports.eachActiveBetween(DAY, DAY, "锦江区", "三圣街道社工站", unit::add);

        assertThat(district).extracting(LedgerEntry::id)
            .containsExactlyElementsOf(active.entrySet()
                .stream()
                .filter(e -> e.getValue().district().equals("金牛区"))
                .map(Map.Entry::getKey)
                .toList());
        assertThat(unit).isNotEmpty()
            .allSatisfy(e -> assertThat(e.content().unit()).isEqualTo("三圣街道社工站"))
            .hasSize((int) active.values().stream().filter(c -> c.unit().equals("三圣街道社工站")).count());
    }

    /**
     * Records with none, one or several metrics and items, so that lines could go astray.
     */
    private static ReportContent content(int i, LocalDate date) {
        List<Metric> metrics = new ArrayList<>();
        for (int m = 0; m < i % 4; m++) {
            metrics.add(new Metric(m % 2 == 0 ? "visits" : "calls", m % 2 == 0 ? "户" : "次", i * 10L + m, m == 2));
        }
        List<Item> items = new ArrayList<>();
        for (int n = 0; n < i % 3; n++) {
            items.add(new Item(n == 0 ? "大米" : "食用油", i + n, n == 0 ? "袋" : "瓶", false));
        }
        String district = i % 2 == 0 ? "锦江区" : "金牛区";
        String unit = i % 2 == 0 ? (i % 4 == 0 ? "三圣街道社工站" : "锦官驿街道社工站") : "荷花池街道社工站";
        return new ReportContent(district, unit, i % 5 == 0 ? "资源链接" : null, date, metrics, items,
                i % 3 == 0 ? null : (long) i, i % 2 == 0 ? null : new BigDecimal(i + ".5"),
                i % 6 == 0 ? "备注" + i : null);
    }

}
