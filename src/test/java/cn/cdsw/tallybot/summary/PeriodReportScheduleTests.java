package cn.cdsw.tallybot.summary;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.config.GroupConfig;
import cn.cdsw.tallybot.config.GroupDirectory;
import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.outbound.OutboundFixtures;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.report.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly (Monday 09:00, last week) and monthly (the 1st 09:00, last month) reports on
 * the daily summary's claims, driven with a fixed clock over a real SQLite file: each
 * goes out once per group, a restart after the slot sends nothing again, and a bot that
 * was down over the slot posts it as 补发 when it comes back.
 */
class PeriodReportScheduleTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final GroupRef STREETS = new GroupRef("onebot", "639921629");

    static final GroupRef STATIONS = new GroupRef("onebot", "1418159967");

    /** Monday 30 November 2026. */
    static final Instant MONDAY_NINE = at("2026-11-30T09:00");

    /** Tuesday 1 December 2026. */
    static final Instant FIRST_NINE = at("2026-12-01T09:00");

    static final LocalDate LAST_WEEK = LocalDate.of(2026, 11, 23);

    static final LocalDate LAST_MONTH = LocalDate.of(2026, 11, 1);

    @TempDir
    Path dir;

    DataSource database;

    SummaryClaimRepository claims;

    final MutableClock clock = new MutableClock(MONDAY_NINE);

    final ScriptedSender sender = new ScriptedSender();

    record Call(PostKind kind, LocalDate start, boolean catchUp) {
    }

    final List<Call> composed = new CopyOnWriteArrayList<>();

    final PeriodComposer reports = (kind, start, catchUp) -> {
        composed.add(new Call(kind, start, catchUp));
        return new DailySummary(start, (catchUp ? "【补发】" : "") + kind.code() + " " + start, null, catchUp, kind);
    };

    @BeforeEach
    void setUp() {
        database = SqliteTestDatabase.migrated(dir);
        claims = new SummaryClaimRepository(JdbcClient.create(database));
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    /**
     * A replica: a fresh service over the same database, as after a restart, with the
     * weekly and monthly schedules at 09:00 and no daily one, so only reports are due.
     */
    DailySummaryService replica(Instant installed) {
        claims = new SummaryClaimRepository(JdbcClient.create(database));
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(6),
                new Random(1));
        SummaryDelivery delivery = new SummaryDelivery(claims,
                OutboundFixtures.inline(List.of(sender), clock, new SimpleMeterRegistry()), retry,
                new SummaryDelivery.Settings(true, "test", Duration.ofMinutes(1), clock),
                new SummaryMetrics(new SimpleMeterRegistry()));
        List<PostSchedule> schedules = List.of(
                new PostSchedule(PostKind.WEEKLY, SHANGHAI, LocalTime.of(9, 0), Duration.ofMinutes(10), installed),
                new PostSchedule(PostKind.MONTHLY, SHANGHAI, LocalTime.of(9, 0), Duration.ofMinutes(10), installed));
        GroupDirectory groups = new GroupDirectory(List.of(group(STREETS), group(STATIONS)));
        return new DailySummaryService(claims, delivery, new RecordingComposer(), reports, groups, schedules,
                date -> true);
    }

    DailySummaryService replica() {
        return replica(at("2026-10-01T00:00"));
    }

    static GroupConfig group(GroupRef ref) {
        return new GroupConfig(ref.platform(), ref.groupId(), "群" + ref.groupId(), true);
    }

    /** One tick at {@code now}, with the clock the outbound queue reads set to it. */
    void tick(DailySummaryService service, Instant now) {
        clock.set(now);
        service.postDue(now);
    }

    List<String> sent() {
        return sender.delivered.stream().map(s -> s.group().groupId() + " " + s.reply().text()).toList();
    }

    @Test
    void mondayAtNinePostsLastWeekOnceToEachGroup() {
        DailySummaryService service = replica();
        // the week before last was posted a week ago
        tick(service, at("2026-11-23T09:00"));
        sender.delivered.clear();
        composed.clear();

        tick(service, at("2026-11-30T08:59"));
        assertThat(sent()).as("before the slot last week is not due yet").isEmpty();

        tick(service, MONDAY_NINE);
        tick(service, MONDAY_NINE.plusSeconds(60));
        tick(service, at("2026-11-30T20:00"));
        tick(service, at("2026-11-30T23:59"));

        assertThat(sent()).containsExactlyInAnyOrder("639921629 weekly 2026-11-23", "1418159967 weekly 2026-11-23");
        assertThat(composed).containsExactly(new Call(PostKind.WEEKLY, LAST_WEEK, false));
        assertThat(claims.find(STREETS, PostKind.WEEKLY, LAST_WEEK).orElseThrow().status()).isEqualTo(PostStatus.SENT);
    }

    @Test
    void theFirstAtNinePostsLastMonthOnceToEachGroup() {
        DailySummaryService service = replica();
        tick(service, at("2026-11-30T09:00"));
        sender.delivered.clear();

        tick(service, at("2026-12-01T08:59"));
        assertThat(sent()).as("October was posted on 1 November; nothing else is due").isEmpty();

        tick(service, FIRST_NINE);
        tick(service, FIRST_NINE.plusSeconds(60));
        tick(service, at("2026-12-01T20:00"));

        assertThat(sent()).containsExactlyInAnyOrder("639921629 monthly 2026-11-01", "1418159967 monthly 2026-11-01");
        assertThat(claims.find(STATIONS, PostKind.MONTHLY, LAST_MONTH).orElseThrow().catchUp()).isFalse();
    }

    @Test
    void aRestartAfterTheSlotDoesNotPostAgain() {
        tick(replica(), MONDAY_NINE);
        int posted = sender.delivered.size();

        // the process restarts at 09:30 and again in the evening; its first tick comes
        // after start-up
        tick(replica(), at("2026-11-30T09:30"));
        tick(replica(), at("2026-11-30T21:00"));

        assertThat(sender.delivered).hasSize(posted);
        assertThat(sent()).filteredOn(text -> text.contains("weekly 2026-11-23")).hasSize(2);
    }

    @Test
    void aBotDownOverTheSlotsPostsThemAsCatchUpWhenItComesBack() {
        // down from Sunday evening to Tuesday 11:00: Monday's weekly and the 1st's
        // monthly
        // slots both passed
        tick(replica(), at("2026-12-01T11:00"));
        tick(replica(), at("2026-12-01T11:01"));

        assertThat(composed).containsExactlyInAnyOrder(new Call(PostKind.WEEKLY, LAST_WEEK, true),
                new Call(PostKind.MONTHLY, LAST_MONTH, true));
        assertThat(sent()).containsExactlyInAnyOrder("639921629 【补发】weekly 2026-11-23",
                "1418159967 【补发】weekly 2026-11-23", "639921629 【补发】monthly 2026-11-01",
                "1418159967 【补发】monthly 2026-11-01");
    }

    @Test
    void aLongOutageCostsOneCatchUpNotABacklog() {
        // down for three weeks: only the latest week is owed
        tick(replica(), at("2026-12-16T10:00"));

        assertThat(composed).containsExactlyInAnyOrder(new Call(PostKind.WEEKLY, LocalDate.of(2026, 12, 7), true),
                new Call(PostKind.MONTHLY, LAST_MONTH, true));
    }

    @Test
    void aBotInstalledAfterTheSlotOwesNothingForThatPeriod() {
        DailySummaryService fresh = replica(at("2026-11-30T10:00"));

        tick(fresh, at("2026-11-30T10:00"));

        assertThat(sent()).isEmpty();
    }

    @Test
    void onRequestAReportIsQueuedForEveryGroupAndReplacesNoQueuedPost() {
        DailySummaryService service = replica();

        List<Delivery> deliveries = service.postNow(PostKind.WEEKLY, LocalDate.of(2026, 11, 26));

        assertThat(deliveries).extracting(Delivery::id)
            .containsExactlyInAnyOrder("onebot:639921629@weekly:2026-11-23", "onebot:1418159967@weekly:2026-11-23");
        assertThat(sent()).containsExactlyInAnyOrder("639921629 weekly 2026-11-23", "1418159967 weekly 2026-11-23");
        // the scheduled tick finds the rows taken and sends no second weekly report
        tick(service, MONDAY_NINE);
        assertThat(sent()).filteredOn(text -> text.contains("weekly")).hasSize(2);
        assertThat(service.progress(PostKind.WEEKLY, LAST_WEEK, MONDAY_NINE)).extracting(PostProgress::status)
            .containsOnly("sent");
    }

    @ParameterizedTest(name = "{0} → {1} {2}, catch-up {3}")
    @CsvSource({
            // weekly at 09:00 on Monday
            "WEEKLY, 2026-11-30T08:59, 2026-11-16, true", "WEEKLY, 2026-11-30T09:00, 2026-11-23, false",
            "WEEKLY, 2026-11-30T09:10, 2026-11-23, false", "WEEKLY, 2026-11-30T09:11, 2026-11-23, true",
            "WEEKLY, 2026-12-06T23:59, 2026-11-23, true", "WEEKLY, 2026-12-07T09:00, 2026-11-30, false",
            // year end: the week of 28 December ends in January
            "WEEKLY, 2027-01-04T09:05, 2026-12-28, false",
            // monthly at 09:00 on the 1st
            "MONTHLY, 2026-12-01T08:59, 2026-10-01, true", "MONTHLY, 2026-12-01T09:00, 2026-11-01, false",
            "MONTHLY, 2026-12-31T23:00, 2026-11-01, true", "MONTHLY, 2027-01-01T09:00, 2026-12-01, false",
            "MONTHLY, 2027-03-01T09:00, 2027-02-01, false" })
    void dueReportAndCatchUpInShanghai(PostKind kind, String local, LocalDate due, boolean catchUp) {
        PostSchedule schedule = new PostSchedule(kind, SHANGHAI, LocalTime.of(9, 0), Duration.ofMinutes(10),
                Instant.EPOCH);

        assertThat(schedule.dueDate(at(local))).isEqualTo(due);
        assertThat(schedule.isCatchUp(due, at(local))).isEqualTo(catchUp);
    }

}
