package cn.cdsw.tallybot.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.expectation.CampaignRepository;
import cn.cdsw.tallybot.expectation.ExpectedUnits;
import cn.cdsw.tallybot.config.BotConfigLoader;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.Actor;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.RecordFilter;
import cn.cdsw.tallybot.report.RecordSource;
import cn.cdsw.tallybot.report.RecordStatus;
import cn.cdsw.tallybot.report.ReportContent;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.report.SqliteTestDatabase;

/**
 * Totals equal the sum of the active records, whatever was stored, retracted or corrected
 * (docs/domain.md §5): the SQL aggregates are checked against a plain fold over the
 * records themselves, per unit and never across units, and a sum is approximate exactly
 * when one of its figures is.
 */
class TotalsPropertyTests {

    static final BotConfig CONFIG = BotConfigLoader.load(Path.of("bot-config"));
    static final LocalDate DAY = LocalDate.of(2026, 11, 28);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    enum Fate {

        KEEP, RETRACT, CORRECT

    }

    record Step(ReportContent content, Fate fate, ReportContent correction) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return histories(DAY, 2, 25);
    }

    /**
     * Histories of up to {@code maxSteps} reports in three districts and three units,
     * dated from {@code first} to {@code days} days later, each kept, retracted or
     * corrected (with a second random content).
     */
    static Arbitrary<List<Step>> histories(LocalDate first, int days, int maxSteps) {
        Arbitrary<ReportContent> contents = Combinators
            .combine(Arbitraries.of("锦江区", "金牛区", "高新区"), Arbitraries.of("甲社工站", "乙社工站", "丙社工室"),
                    Arbitraries.integers().between(0, days), metrics(), items(),
                    Arbitraries.longs().between(0, 5000).injectNull(0.5),
                    Arbitraries.bigDecimals()
                        .between(BigDecimal.ZERO, new BigDecimal("99999.99"))
                        .ofScale(2)
                        .injectNull(0.5))
            .as((d, u, offset, ms, is, total, value) -> new ReportContent(d, u, null, first.plusDays(offset), ms, is,
                    total, value, null));
        return Combinators.combine(contents, Arbitraries.of(Fate.class), contents)
            .as(Step::new)
            .list()
            .ofMaxSize(maxSteps);
    }

    /**
     * Stores each step's report, then retracts or corrects it as the step says, each in
     * its own transaction.
     */
    static void play(List<Step> history, ReportService reports) {
        int message = 0;
        for (Step step : history) {
            long id = reports.store(source("m" + message++), step.content(), "raw").record().id();
            if (step.fate() == Fate.RETRACT) {
                reports.retract(id, new Actor("onebot", "1"));
            }
            else if (step.fate() == Fate.CORRECT) {
                reports.correct(id, source("m" + message++), step.correction(), "raw", new Actor("onebot", "1"));
            }
        }
    }

    static Arbitrary<List<Metric>> metrics() {
        Arbitrary<Metric> metric = Combinators
            .combine(Arbitraries.of("visits|户", "visits|人次", "visits|次", "calls|次", "cases|个"),
                    Arbitraries.longs().between(0, 100_000), Arbitraries.of(true, false))
            .as((ku, v, approx) -> new Metric(ku.split("\\|")[0], ku.split("\\|")[1], v, approx));
        return metric.list().ofMaxSize(4).uniqueElements(m -> m.key() + m.unit());
    }

    static Arbitrary<List<Item>> items() {
        return Combinators
            .combine(Arbitraries.of("大米", "口罩", "食用油"), Arbitraries.of("袋", "个", "瓶"),
                    Arbitraries.longs().between(0, 10_000), Arbitraries.of(true, false))
            .as((n, u, q, approx) -> new Item(n, q, u, approx))
            .list()
            .ofMaxSize(3)
            .uniqueElements(i -> i.name() + i.unit());
    }

    @Property(tries = 40)
    void totalsEqualTheSumOfActiveRecords(@ForAll("histories") List<Step> history) throws IOException {
        DataSource db = SqliteTestDatabase.migrated(Files.createTempDirectory("tallybot-totals"));
        ReportService reports = SqliteTestDatabase.reportService(db, CLOCK);
        QueryService queries = new QueryService(new TotalsRepository(JdbcClient.create(db)),
                new RollupTotalsRepository(JdbcClient.create(db)), CONFIG,
                new ExpectedUnits(CONFIG, new CampaignRepository(JdbcClient.create(db)), CLOCK));
        play(history, reports);
        List<ActivityRecord> active = reports.page(new RecordFilter(null, null, null, null, RecordStatus.ACTIVE), 0,
                Integer.MAX_VALUE);

        Totals totals = queries.totals(DAY, DAY.plusDays(2), Scope.CITY);

        assertThat(totals.figures()).isEqualTo(expected(active));
        assertThat(totals.items()).containsExactlyInAnyOrderElementsOf(expectedItems(active));
        for (DistrictTotals district : totals.byDistrict()) {
            assertThat(district.figures()).isEqualTo(
                    expected(active.stream().filter(r -> r.content().district().equals(district.district())).toList()));
        }
        assertThat(queries.totals(DAY, DAY, new Scope("锦江区", null)).figures()).isEqualTo(expected(active.stream()
            .filter(r -> r.content().district().equals("锦江区") && r.content().activityDate().equals(DAY))
            .toList()));
    }

    /** The same figures, folded in Java from the records. */
    private static Figures expected(List<ActivityRecord> records) {
        Map<String, Long> metrics = new HashMap<>();
        Set<String> approximate = new HashSet<>();
        Set<String> units = new HashSet<>();
        long materials = 0;
        BigDecimal value = BigDecimal.ZERO;
        for (ActivityRecord r : records) {
            units.add(r.content().district() + "·" + r.content().unit());
            materials += r.content().materialsTotal() == null ? 0 : r.content().materialsTotal();
            value = value.add(r.content().valueYuan() == null ? BigDecimal.ZERO : r.content().valueYuan());
            for (Metric m : r.content().metrics()) {
                metrics.merge(m.key() + "|" + m.unit(), m.value(), Long::sum);
                if (m.approx()) {
                    approximate.add(m.key() + "|" + m.unit());
                }
            }
        }
        List<MetricTotal> totals = metrics.entrySet()
            .stream()
            .map(e -> new MetricTotal(e.getKey().split("\\|")[0], e.getKey().split("\\|")[1], e.getValue(),
                    approximate.contains(e.getKey())))
            .sorted(Comparator.comparing(MetricTotal::key).thenComparing(MetricTotal::unit))
            .toList();
        return new Figures(records.size(), units.size(), totals, materials, value.setScale(2));
    }

    /**
     * The items folded in Java: a sum per name and unit, approximate when any quantity
     * behind it was.
     */
    private static List<ItemTotal> expectedItems(List<ActivityRecord> records) {
        Map<String, Long> quantities = new HashMap<>();
        Set<String> approximate = new HashSet<>();
        for (ActivityRecord r : records) {
            for (Item i : r.content().items()) {
                quantities.merge(i.name() + "|" + i.unit(), i.quantity(), Long::sum);
                if (i.approx()) {
                    approximate.add(i.name() + "|" + i.unit());
                }
            }
        }
        return quantities.entrySet()
            .stream()
            .map(e -> new ItemTotal(e.getKey().split("\\|")[0], e.getKey().split("\\|")[1], e.getValue(),
                    approximate.contains(e.getKey())))
            .toList();
    }

    static RecordSource source(String messageId) {
        return new RecordSource("onebot", "1418159967", "10001", "张三", messageId, CLOCK.instant());
    }

}
