package cn.cdsw.tallybot.summary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.Actor;
import cn.cdsw.tallybot.report.ChangeResult;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.RecordFilter;
import cn.cdsw.tallybot.report.RecordSource;
import cn.cdsw.tallybot.report.RecordStatus;
import cn.cdsw.tallybot.report.ReportContent;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.report.SqliteTestDatabase;
import cn.cdsw.tallybot.report.StoreResult;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repositories' contract on every database the bot runs on (docs/storage.md §2):
 * records stored once per source, retracted, corrected and searched, with big numbers and
 * money exact; the summary claim won by exactly one of two replicas. Subclasses give a
 * freshly migrated database.
 */
public abstract class StorageContractTests {

    static final LocalDate DAY = LocalDate.of(2026, 11, 28);
    static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");
    static final Actor ACTOR = new Actor("onebot", "10001");

    protected abstract DataSource dataSource();

    ReportService reports;

    SummaryClaimRepository claims;

    @BeforeEach
    void open() {
        DataSource dataSource = dataSource();
        reports = SqliteTestDatabase.reportService(dataSource, Clock.fixed(AT, ZoneOffset.UTC));
        claims = new SummaryClaimRepository(JdbcClient.create(dataSource));
    }

    static RecordSource source(String messageId) {
        return new RecordSource("onebot", "1418159967", "10001", "张三", messageId, AT);
    }

    static ReportContent content(String district, long visits) {
        return new ReportContent(district, "三圣街道社工站", "资源链接", DAY,
                List.of(new Metric("visits", "户", visits, false), new Metric("calls", "次", 300, true)),
                List.of(new Item("大米", 224, "袋", false)), 5_000_000_000L, new BigDecimal("29739.5"), "备注");
    }

    @Test
    void aSourceIsStoredOnceAndReadsBackExactly() {
        StoreResult first = reports.store(source("5501"), content("锦江区", 196), "#上报");
        StoreResult again = reports.store(source("5501"), content("锦江区", 999), "#上报");

        assertThat(first).isInstanceOf(StoreResult.Stored.class);
        assertThat(again).isInstanceOf(StoreResult.AlreadyStored.class);
        assertThat(again.record()).isEqualTo(first.record());
        ActivityRecord read = reports.find(first.record().id()).orElseThrow();
        assertThat(read.content().materialsTotal()).isEqualTo(5_000_000_000L);
        assertThat(read.content().valueYuan()).isEqualByComparingTo("29739.5");
        assertThat(read.content().metrics()).containsExactly(new Metric("visits", "户", 196, false),
                new Metric("calls", "次", 300, true));
    }

    @Test
    void concurrentDeliveriesOfOneSourceMakeOneRecord() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<StoreResult>> deliveries = List.of(
                    () -> reports.store(source("7001"), content("锦江区", 1), "#上报"),
                    () -> reports.store(source("7001"), content("锦江区", 1), "#上报"),
                    () -> reports.store(source("7001"), content("锦江区", 1), "#上报"),
                    () -> reports.store(source("7001"), content("锦江区", 1), "#上报"));
            long stored = 0;
            for (Future<StoreResult> result : pool.invokeAll(deliveries)) {
                stored += result.get() instanceof StoreResult.Stored ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void retractCorrectAndSearch() {
        long kept = reports.store(source("1"), content("锦江区", 10), "#上报").record().id();
        long retracted = reports.store(source("2"), content("金牛区", 20), "#上报").record().id();
        long corrected = reports.store(source("3"), content("金牛区", 30), "#上报").record().id();

        assertThat(reports.retract(retracted, ACTOR)).isInstanceOf(ChangeResult.Changed.class);
        assertThat(reports.retract(retracted, ACTOR)).isInstanceOf(ChangeResult.NotActive.class);
        ChangeResult correction = reports.correct(corrected, source("4"), content("金牛区", 31), "#更正", ACTOR);
        assertThat(correction).isInstanceOf(ChangeResult.Changed.class);
        long replacement = ((ChangeResult.Changed) correction).after().id();

        assertThat(reports.page(new RecordFilter(DAY, DAY, null, null, RecordStatus.ACTIVE), 0, Integer.MAX_VALUE))
            .extracting(ActivityRecord::id)
            .containsExactly(kept, replacement);
        assertThat(reports.page(new RecordFilter(null, null, "金牛区", null, null), 0, Integer.MAX_VALUE))
            .extracting(ActivityRecord::status)
            .containsExactly(RecordStatus.RETRACTED, RecordStatus.SUPERSEDED, RecordStatus.ACTIVE);
        assertThat(reports.find(replacement).orElseThrow().supersedes()).isEqualTo(corrected);
        assertThat(reports.page(new RecordFilter(DAY.plusDays(1), null, null, null, null), 0, Integer.MAX_VALUE))
            .isEmpty();
    }

    /**
     * The rollup statements run on this database, applied with each change's own
     * transaction and once at the end of a transaction holding several changes (as a
     * group commit's batch does), and every rollup table sums what the active records
     * sum.
     */
    @Test
    void rollupsSumTheActiveRecordsAppliedAtOnceOrPerBatch() {
        long retracted = reports.store(source("11"), content("锦江区", 10), "#上报").record().id();
        reports.retract(retracted, ACTOR);
        long corrected = reports.store(source("12"), content("金牛区", 20), "#上报").record().id();
        TransactionTemplate batch = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        batch.executeWithoutResult(status -> {
            long inBatch = reports.store(source("13"), content("金牛区", 40), "#上报").record().id();
            reports.correct(corrected, source("14"), content("金牛区", 21), "#更正", ACTOR);
            reports.retract(inBatch, ACTOR);
            reports.store(source("15"), content("锦江区", 80), "#上报");
        });

        JdbcClient jdbc = JdbcClient.create(dataSource());
        long visits = jdbc.sql("""
                SELECT SUM(m.value) FROM record_metric m JOIN activity_record r ON r.id = m.record_id
                WHERE r.status = 'active' AND m.metric_key = 'visits'""").query(Long.class).single();
        assertThat(visits).isEqualTo(21 + 80);
        for (String span : List.of("D", "T", "M")) {
            assertThat(sum(jdbc, "SELECT SUM(total) FROM rollup_metric WHERE metric_key = 'visits' AND span = ?", span))
                .as("rollup_metric %s", span)
                .isEqualTo(visits);
            assertThat(sum(jdbc, "SELECT SUM(total) FROM rollup_unit_metric WHERE metric_key = 'visits' AND span = ?",
                    span))
                .as("rollup_unit_metric %s", span)
                .isEqualTo(visits);
            assertThat(sum(jdbc, "SELECT SUM(reports) FROM rollup_figures WHERE span = ?", span)).isEqualTo(2);
            assertThat(sum(jdbc, "SELECT SUM(reports) FROM rollup_unit_figures WHERE span = ?", span)).isEqualTo(2);
            assertThat(sum(jdbc, "SELECT SUM(total) FROM rollup_item WHERE span = ?", span)).isEqualTo(2 * 224);
            // each active record's 300 calls were approximate, its visits and rice exact
            assertThat(sum(jdbc, "SELECT SUM(approx_lines) FROM rollup_metric WHERE metric_key = 'calls' AND span = ?",
                    span))
                .isEqualTo(2);
            assertThat(sum(jdbc,
                    "SELECT SUM(approx_lines) FROM rollup_unit_metric WHERE metric_key = 'calls' AND span = ?", span))
                .isEqualTo(2);
            assertThat(sum(jdbc, "SELECT SUM(approx_lines) FROM rollup_metric WHERE metric_key = 'visits' AND span = ?",
                    span))
                .isZero();
            assertThat(sum(jdbc, "SELECT SUM(approx_lines) FROM rollup_item WHERE span = ?", span)).isZero();
        }
    }

    private static long sum(JdbcClient jdbc, String sql, String span) {
        return jdbc.sql(sql).param(span).query(Long.class).single();
    }

    @Test
    void ofTwoReplicasOneClaimsAndOneTakesTheSummary() {
        GroupRef group = new GroupRef("onebot", "639921629");
        SummaryClaimRepository other = new SummaryClaimRepository(JdbcClient.create(dataSource()));

        assertThat(claims.claim(group, DAY, false, AT)).isTrue();
        assertThat(other.claim(group, DAY, false, AT)).isFalse();
        SummaryPost seenByBoth = claims.due(AT).get(0);
        assertThat(claims.take(seenByBoth, "a", AT)).isTrue();
        assertThat(other.take(seenByBoth, "b", AT)).isFalse();
        assertThat(other.markSent(seenByBoth, "b", AT)).isFalse();
        assertThat(claims.markSent(seenByBoth, "a", AT)).isTrue();
        assertThat(claims.due(AT.plusSeconds(3600))).isEmpty();
        assertThat(claims.find(group, DAY).orElseThrow().status()).isEqualTo(PostStatus.SENT);
        assertThat(claims.recordManualPost(group, DAY.plusDays(1), AT)).isTrue();
    }

    @Test
    void theKindIsPartOfTheClaimSoADayAndAWeekStartingOnItAreSeparatePosts() {
        GroupRef group = new GroupRef("onebot", "639921629");
        LocalDate monday = LocalDate.of(2026, 11, 23);
        SummaryClaimRepository other = new SummaryClaimRepository(JdbcClient.create(dataSource()));

        assertThat(claims.claim(group, PostKind.DAILY, monday, false, AT)).isTrue();
        assertThat(claims.claim(group, PostKind.WEEKLY, monday, false, AT)).isTrue();
        assertThat(other.claim(group, PostKind.WEEKLY, monday, true, AT)).isFalse();
        assertThat(claims.due(AT)).extracting(SummaryPost::kind).containsExactly(PostKind.DAILY, PostKind.WEEKLY);

        SummaryPost weekly = other.find(group, PostKind.WEEKLY, monday).orElseThrow();
        assertThat(weekly.catchUp()).isFalse();
        assertThat(other.take(weekly, "b", AT)).isTrue();
        assertThat(claims.take(weekly, "a", AT)).isFalse();
        assertThat(other.markSent(weekly, "b", AT)).isTrue();
        assertThat(claims.find(group, monday).orElseThrow().status()).as("the daily post of that Monday")
            .isEqualTo(PostStatus.PENDING);
        assertThat(claims.ofDate(PostKind.WEEKLY, monday)).extracting(SummaryPost::status)
            .containsExactly(PostStatus.SENT);
        // a re-post of the week replaces the week's row, not the day's
        assertThat(claims.queueRepost(group, PostKind.WEEKLY, monday, "a", AT, AT.plusSeconds(60))).isTrue();
        assertThat(claims.find(group, PostKind.WEEKLY, monday).orElseThrow().status()).isEqualTo(PostStatus.PENDING);
        assertThat(claims.find(group, monday).orElseThrow().attempts()).isZero();
    }

}
