package cn.cdsw.tallybot.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.report.ChangeResult.Changed;
import cn.cdsw.tallybot.report.ChangeResult.NotActive;
import cn.cdsw.tallybot.report.ChangeResult.NotFound;

import static cn.cdsw.tallybot.report.Reports.DAY;
import static cn.cdsw.tallybot.report.Reports.form;
import static cn.cdsw.tallybot.report.Reports.simple;
import static cn.cdsw.tallybot.report.Reports.source;
import static org.assertj.core.api.Assertions.assertThat;

class ReportServiceTests {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static final Actor COORDINATOR = new Actor("onebot", "20002");

    @TempDir
    Path dir;

    private JdbcClient jdbc;

    private ReportService reports;

    private RecordAuditRepository audit;

    @BeforeEach
    void setUp() {
        DataSource dataSource = SqliteTestDatabase.migrated(dir);
        jdbc = JdbcClient.create(dataSource);
        audit = new RecordAuditRepository(jdbc);
        reports = SqliteTestDatabase.reportService(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void storesAndReadsBackEveryFieldWithLinesInWrittenOrder() {
        StoreResult result = reports.store(source("5501"), form(), "#上报 ...");

        assertThat(result).isInstanceOf(StoreResult.Stored.class);
        ActivityRecord stored = result.record();
        assertThat(stored.source()).isEqualTo(source("5501"));
        assertThat(stored.content()).isEqualTo(form());
        assertThat(stored.rawText()).isEqualTo("#上报 ...");
        assertThat(stored.status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(stored.supersedes()).isNull();
        assertThat(reports.find(stored.id())).contains(stored);
        assertThat(reports.findBySource("onebot", "1418159967", "5501")).contains(stored);
        assertThat(audit.eventsOf(stored.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("created");
            assertThat(e.actor()).isEqualTo(new Actor("onebot", "10001"));
            assertThat(e.at()).isEqualTo(NOW);
        });
    }

    @Test
    void redeliveryReturnsTheFirstRecordAndStoresNothing() {
        ActivityRecord first = reports.store(source("5501"), form(), "first").record();

        StoreResult again = reports.store(source("5501"), simple("成华区", "别的站", DAY), "second");

        assertThat(again).isEqualTo(new StoreResult.AlreadyStored(first));
        assertThat(count("activity_record")).isEqualTo(1);
        assertThat(count("record_metric")).isEqualTo(3);
        assertThat(count("record_item")).isEqualTo(4);
        assertThat(count("record_event")).isEqualTo(1);
    }

    @Test
    void storesMoneyExactlyInFen() {
        long id = reports.store(source("1"), form(), "").record().id();
        ReportContent round = new ReportContent("锦江区", "站", null, DAY, List.of(), List.of(), null,
                new BigDecimal("4120.00"), null);
        ActivityRecord whole = reports.store(source("2"), round, "").record();

        assertThat(valueFen(id)).isEqualTo(2973950L);
        assertThat(reports.find(id).orElseThrow().content().valueYuan()).isEqualTo(new BigDecimal("29739.5"));
        assertThat(valueFen(whole.id())).isEqualTo(412000L);
        assertThat(whole.content().valueYuan()).isEqualTo(new BigDecimal("4120"));
        assertThat(whole.content().valueYuan().toString()).isEqualTo("4120");
    }

    @Test
    void retractsAnActiveRecordOnceWithAnAuditLine() {
        long id = reports.store(source("5501"), form(), "").record().id();

        ChangeResult first = reports.retract(id, COORDINATOR);
        ChangeResult second = reports.retract(id, COORDINATOR);

        assertThat(first).isInstanceOfSatisfying(Changed.class,
                c -> assertThat(c.after().status()).isEqualTo(RecordStatus.RETRACTED));
        assertThat(second).isInstanceOfSatisfying(NotActive.class,
                n -> assertThat(n.record().status()).isEqualTo(RecordStatus.RETRACTED));
        assertThat(audit.eventsOf(id)).extracting(RecordEvent::action).containsExactly("created", "retracted");
        assertThat(audit.eventsOf(id).get(1).actor()).isEqualTo(COORDINATOR);
        assertThat(reports.retract(999, COORDINATOR)).isEqualTo(new NotFound(999));
    }

    @Test
    void recallRetractsOnlyAnActiveRecord() {
        long id = reports.store(source("5501"), form(), "").record().id();
        Actor author = new Actor("onebot", "10001");

        assertThat(reports.retractBySource("onebot", "1418159967", "5501", author))
            .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(RecordStatus.RETRACTED));
        assertThat(reports.retractBySource("onebot", "1418159967", "5501", author)).isEmpty();
        assertThat(reports.retractBySource("onebot", "1418159967", "no-such", author)).isEmpty();
        assertThat(audit.eventsOf(id)).extracting(RecordEvent::action).containsExactly("created", "recalled");
    }

    @Test
    void correctionSupersedesTheOldRecordAndLinksBoth() {
        long oldId = reports.store(source("5501"), form(), "").record().id();
        ReportContent fixed = simple("锦江区", "锦官驿街道社工站", DAY);

        ChangeResult result = reports.correct(oldId, source("5502"), fixed, "#更正", COORDINATOR);

        ActivityRecord created = ((Changed) result).after();
        assertThat(created.content()).isEqualTo(fixed);
        assertThat(created.status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(created.supersedes()).isEqualTo(oldId);
        ActivityRecord old = reports.find(oldId).orElseThrow();
        assertThat(old.status()).isEqualTo(RecordStatus.SUPERSEDED);
        assertThat(old.supersededBy()).isEqualTo(created.id());
        assertThat(audit.eventsOf(oldId)).extracting(RecordEvent::action).containsExactly("created", "superseded");
        assertThat(audit.eventsOf(created.id())).singleElement()
            .satisfies(e -> assertThat(e.detail()).isEqualTo("supersedes #" + oldId));
    }

    @Test
    void redeliveredCorrectionReturnsTheSameNewRecord() {
        long oldId = reports.store(source("5501"), form(), "").record().id();
        ReportContent fixed = simple("锦江区", "锦官驿街道社工站", DAY);
        ChangeResult first = reports.correct(oldId, source("5502"), fixed, "#更正", COORDINATOR);

        ChangeResult again = reports.correct(oldId, source("5502"), fixed, "#更正", COORDINATOR);

        assertThat(again).isEqualTo(first);
        assertThat(count("activity_record")).isEqualTo(2);
        assertThat(count("record_event")).isEqualTo(3);
    }

    @Test
    void correctionOfARetractedOrMissingRecordChangesNothing() {
        long oldId = reports.store(source("5501"), form(), "").record().id();
        reports.retract(oldId, COORDINATOR);
        ReportContent fixed = simple("锦江区", "站", DAY);

        assertThat(reports.correct(oldId, source("5502"), fixed, "", COORDINATOR)).isInstanceOf(NotActive.class);
        assertThat(reports.correct(77, source("5503"), fixed, "", COORDINATOR)).isEqualTo(new NotFound(77));
        assertThat(count("activity_record")).isEqualTo(1);
    }

    @Test
    void findsTheSendersLastActiveRecordAndTheirRecordsOfADay() {
        long a = reports.store(source("10001", "1"), simple("锦江区", "站", DAY), "").record().id();
        long b = reports.store(source("10001", "2"), simple("锦江区", "站", DAY.minusDays(1)), "").record().id();
        long c = reports.store(source("10001", "3"), simple("锦江区", "站", DAY), "").record().id();
        reports.store(source("10002", "4"), simple("锦江区", "站", DAY), "");
        reports.retract(c, COORDINATOR);

        assertThat(reports.lastActive("onebot", "1418159967", "10001")).map(ActivityRecord::id).contains(b);
        assertThat(reports.activeOn("onebot", "1418159967", "10001", DAY)).extracting(ActivityRecord::id)
            .containsExactly(a);
        assertThat(reports.lastActive("onebot", "other-group", "10001")).isEmpty();
    }

    @Test
    void searchesByDateRangeDistrictUnitAndStatusInIdOrder() {
        long a = reports.store(source("1"), simple("锦江区", "三圣街道社工站", DAY.minusDays(2)), "").record().id();
        long b = reports.store(source("2"), simple("锦江区", "锦官驿街道社工站", DAY), "").record().id();
        long c = reports.store(source("3"), simple("成华区", "三圣街道社工站", DAY), "").record().id();
        reports.retract(c, COORDINATOR);

        assertThat(ids(new RecordFilter(null, null, null, null, null))).containsExactly(a, b, c);
        assertThat(ids(new RecordFilter(DAY.minusDays(1), DAY, null, null, null))).containsExactly(b, c);
        assertThat(ids(new RecordFilter(null, DAY.minusDays(2), null, null, null))).containsExactly(a);
        assertThat(ids(new RecordFilter(null, null, "锦江区", null, null))).containsExactly(a, b);
        assertThat(ids(new RecordFilter(null, null, null, "三圣街道社工站", null))).containsExactly(a, c);
        assertThat(ids(new RecordFilter(null, null, null, null, RecordStatus.RETRACTED))).containsExactly(c);
        assertThat(ids(new RecordFilter(DAY, DAY, "锦江区", "锦官驿街道社工站", RecordStatus.ACTIVE))).containsExactly(b);
    }

    @Test
    void bindingIsInsertedThenReplaced() {
        Instant later = NOW.plusSeconds(60);
        reports.bind(new Binding("onebot", "10001", "锦江区", "三圣街道社工站", NOW));
        reports.bind(new Binding("onebot", "10001", "成华区", "双桥子街道社工站", later));

        assertThat(reports.bindingOf("onebot", "10001"))
            .contains(new Binding("onebot", "10001", "成华区", "双桥子街道社工站", later));
        assertThat(reports.bindingOf("wecom", "10001")).isEmpty();
        assertThat(count("sender_binding")).isEqualTo(1);
    }

    private List<Long> ids(RecordFilter filter) {
        return reports.page(filter, 0, Integer.MAX_VALUE).stream().map(ActivityRecord::id).toList();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private Long valueFen(long id) {
        return jdbc.sql("SELECT value_fen FROM activity_record WHERE id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    }

}
