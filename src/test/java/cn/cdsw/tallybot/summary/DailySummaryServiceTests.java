package cn.cdsw.tallybot.summary;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import cn.cdsw.tallybot.config.GroupConfig;
import cn.cdsw.tallybot.config.GroupDirectory;
import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.outbound.OutboundFixtures;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.report.SqliteTestDatabase;
import cn.cdsw.tallybot.testing.LogCapture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tick's decisions on a real SQLite file, with a scripted sender instead of a
 * platform.
 */
class DailySummaryServiceTests {

    static final GroupRef STREETS = new GroupRef("onebot", "639921629");
    static final GroupRef STATIONS = new GroupRef("onebot", "1418159967");
    static final GroupRef WECOM = new GroupRef("wecom", "wr-1");
    static final LocalDate DATE = LocalDate.of(2026, 11, 28);
    static final Instant AT_EIGHT = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(AT_EIGHT);

    SummaryClaimRepository claims;

    ScriptedSender sender = new ScriptedSender();

    RecordingComposer composer = new RecordingComposer(RecordingComposer.TINY_PNG);

    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /**
     * What an operator reads: a WARN per failed attempt, and one ERROR, saying how to
     * re-post, for a post given up.
     */
    @RegisterExtension
    final LogCapture log = LogCapture.of(SummaryDelivery.class, DailySummaryService.class);

    @BeforeEach
    void setUp() {
        claims = new SummaryClaimRepository(JdbcClient.create(SqliteTestDatabase.migrated(dir)));
    }

    DailySummaryService service(boolean images, GroupConfig... groups) {
        return service(images, composer, groups);
    }

    DailySummaryService service(boolean images, SummaryComposer composer, GroupConfig... groups) {
        return service(OutboundFixtures.inline(List.of(sender), clock, new SimpleMeterRegistry()), images, composer,
                groups);
    }

    DailySummaryService service(OutboundService outbound, boolean images, SummaryComposer composer,
            GroupConfig... groups) {
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(6),
                new Random(1));
        SummaryDelivery delivery = new SummaryDelivery(claims, outbound, retry,
                new SummaryDelivery.Settings(images, "test", Duration.ofMinutes(1), clock), new SummaryMetrics(meters));
        PostSchedule schedule = new PostSchedule(ZoneId.of("Asia/Shanghai"), LocalTime.of(20, 0),
                Duration.ofMinutes(10));
        return new DailySummaryService(claims, delivery, composer, new GroupDirectory(List.of(groups)), schedule);
    }

    DailySummaryService service() {
        return service(true, group(STREETS), group(STATIONS));
    }

    static GroupConfig group(GroupRef ref) {
        return new GroupConfig(ref.platform(), ref.groupId(), "群" + ref.groupId(), true);
    }

    @Test
    void aDayNobodyReportsGetsNoScheduledPostWhenSetToSkipIt() {
        OutboundService outbound = OutboundFixtures.inline(List.of(sender), clock, new SimpleMeterRegistry());
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(6),
                new Random(1));
        SummaryDelivery delivery = new SummaryDelivery(claims, outbound, retry,
                new SummaryDelivery.Settings(true, "test", Duration.ofMinutes(1), clock), new SummaryMetrics(meters));
        PostSchedule schedule = new PostSchedule(ZoneId.of("Asia/Shanghai"), LocalTime.of(20, 0),
                Duration.ofMinutes(10));
        // 28 November 2026 is a Saturday
        PeriodComposer noReports = (kind, start, catchUp) -> {
            throw new IllegalStateException("only the daily post is scheduled here");
        };
        DailySummaryService skipping = new DailySummaryService(claims, delivery, composer, noReports,
                new GroupDirectory(List.of(group(STREETS), group(STATIONS))), List.of(schedule),
                date -> date.getDayOfWeek().getValue() < 6);

        skipping.postDue(AT_EIGHT);

        assertThat(sender.calls).isEmpty();
        assertThat(claims.ofDate(LocalDate.of(2026, 11, 28))).isEmpty();
    }

    @Test
    void composesOncePerTickAndTellsTheComposerOnce() {
        service().postDue(AT_EIGHT);

        assertThat(sender.delivered).extracting(ScriptedSender.Sent::group)
            .containsExactlyInAnyOrder(STREETS, STATIONS);
        assertThat(composer.composed).containsExactly(new RecordingComposer.Call(DATE, false));
        assertThat(composer.posted).hasSize(1);
        assertThat(sender.delivered.get(0).reply().imagePngBase64()).isNotBlank();
        assertThat(sends("posted")).isEqualTo(2);
    }

    @Test
    void leavesTheChartOutWhenImagesAreOff() {
        service(false, group(STREETS)).postDue(AT_EIGHT);

        assertThat(sender.delivered.get(0).reply().imagePngBase64()).isNull();
        assertThat(sender.delivered.get(0).reply().text()).isEqualTo(RecordingComposer.text(DATE, false));
    }

    @Test
    void beforeThePostTimeNothingIsOwedWhenYesterdayWasPosted() {
        DailySummaryService service = service();
        service.postDue(AT_EIGHT.minus(Duration.ofDays(1)));
        sender.calls.clear();

        service.postDue(AT_EIGHT.minusSeconds(60));

        assertThat(sender.calls).isEmpty();
    }

    @Test
    void aRefusedPostIsAbandonedAtOnce() {
        sender.failure = ScriptedSender::refused;

        service().postDue(AT_EIGHT);
        service().postDue(AT_EIGHT.plus(Duration.ofMinutes(30)));

        assertThat(sender.calls).hasSize(2);
        assertThat(claims.find(STREETS, DATE).orElseThrow().status()).isEqualTo(PostStatus.ABANDONED);
        assertThat(claims.find(STREETS, DATE).orElseThrow().lastError()).contains("retcode 1200");
        String refused = "after 1 attempt(s) (not retryable): onebot 1200: send_group_msg failed, retcode 1200";
        assertThat(log.errors()).containsExactlyInAnyOrder(gaveUp(STREETS, refused), gaveUp(STATIONS, refused));
        assertThat(log.warnings()).isEmpty();
        assertThat(sends("abandoned")).isEqualTo(2);
        assertThat(sends("retried")).isZero();
        assertThat(sends("posted")).isZero();
    }

    @Test
    void aPostThatFailsForTheWholeRetryPeriodIsAbandonedWithoutEndlessAttempts() {
        sender.failure = ScriptedSender::unavailable;
        DailySummaryService service = service(true, group(STREETS));

        for (Instant now = AT_EIGHT; now.isBefore(AT_EIGHT.plus(Duration.ofHours(8))); now = now.plusSeconds(60)) {
            clock.set(now);
            service.postDue(now);
        }

        SummaryPost row = claims.find(STREETS, DATE).orElseThrow();
        assertThat(row.status()).isEqualTo(PostStatus.ABANDONED);
        // 30s doubling to a 30 min cap, equal jitter, over 6 h: a dozen or two attempts,
        // not 360
        assertThat(sender.calls).hasSizeBetween(8, 25);
        assertThat(row.attempts()).isEqualTo(sender.calls.size());
        assertThat(log.warnings()).hasSize(row.attempts() - 1)
            .allSatisfy(line -> assertThat(line).startsWith("Summary onebot:639921629@2026-11-28 attempt ")
                .endsWith(": onebot http_503: send_group_msg answered HTTP 503"));
        assertThat(log.errors()).containsExactly(gaveUp(STREETS, "after " + row.attempts()
                + " attempt(s) (retry period over): onebot http_503: send_group_msg answered HTTP 503"));
        assertThat(sends("retried")).isEqualTo(sender.calls.size() - 1);
        assertThat(sends("abandoned")).isEqualTo(1);
    }

    @Test
    void aGroupWithoutASenderIsAbandonedAndTheOthersStillGetThePost() {
        service(true, group(WECOM), group(STREETS)).postDue(AT_EIGHT);

        assertThat(claims.find(WECOM, DATE).orElseThrow().status()).isEqualTo(PostStatus.ABANDONED);
        assertThat(sender.delivered).extracting(ScriptedSender.Sent::group).containsExactly(STREETS);
        assertThat(log.warnings()).containsExactly(
                "No sender for platform wecom: summaries to its groups cannot be posted (is its API URL set?)");
        assertThat(log.errors()).as("the WARN says it, once per platform").isEmpty();
        assertThat(sends("abandoned")).isEqualTo(1);
        assertThat(sends("posted")).isEqualTo(1);
    }

    @Test
    void anInterruptedSendIsNeverRepeated() {
        claims.claim(STREETS, DATE, false, AT_EIGHT);
        claims.take(claims.due(AT_EIGHT).get(0), "crashed-replica", AT_EIGHT);

        DailySummaryService service = service();
        service.reportInterrupted();
        clock.set(AT_EIGHT.plusSeconds(300));
        service.postDue(clock.instant());

        assertThat(sender.delivered).extracting(ScriptedSender.Sent::group).containsExactly(STATIONS);
        assertThat(claims.find(STREETS, DATE).orElseThrow().status()).isEqualTo(PostStatus.SENDING);
        assertThat(log.errors()).containsExactly("The summary onebot:639921629@2026-11-28 was being sent by "
                + "crashed-replica when that process stopped; it is not resent automatically. Check the group, and "
                + "if it is missing re-post with POST /api/v1/summary?date=2026-11-28");
    }

    @Test
    void aPendingClaimOlderThanTheRetryPeriodIsNotSent() {
        claims.claim(STREETS, DATE.minusDays(3), false, AT_EIGHT.minus(Duration.ofDays(3)));

        service().postDue(AT_EIGHT);

        assertThat(claims.find(STREETS, DATE.minusDays(3)).orElseThrow().status()).isEqualTo(PostStatus.ABANDONED);
        assertThat(sender.delivered).extracting(s -> s.reply().text())
            .containsOnly(RecordingComposer.text(DATE, false));
        assertThat(log.errors()).containsExactly("Gave up the summary onebot:639921629@2026-11-25: not delivered "
                + "within PT6H of the claim (the bot was down)");
    }

    @Test
    void aComposerFailureLeavesTheClaimsForTheNextTick() {
        DailySummaryService broken = service(true, new FailingComposer(), group(STREETS));

        assertThatThrownBy(() -> broken.postDue(AT_EIGHT)).isInstanceOf(IllegalStateException.class);
        assertThat(claims.find(STREETS, DATE).orElseThrow().status()).isEqualTo(PostStatus.PENDING);

        service(true, group(STREETS)).postDue(AT_EIGHT.plusSeconds(60));
        assertThat(sender.delivered).hasSize(1);
    }

    @Test
    void postNowQueuesForEveryGroupAndTheScheduledPostThenStaysQuiet() {
        clock.set(Instant.parse("2026-11-28T04:00:00Z"));
        DailySummaryService service = service();

        List<Delivery> deliveries = service.postNow(DATE);

        assertThat(deliveries).allMatch(Delivery::queued)
            .extracting(Delivery::id)
            .containsExactly("onebot:639921629@" + DATE, "onebot:1418159967@" + DATE);
        assertThat(composer.composed).containsExactly(new RecordingComposer.Call(DATE, false));
        assertThat(composer.posted).hasSize(1);
        service.postDue(AT_EIGHT);
        assertThat(sender.calls).hasSize(2);
        assertThat(claims.find(STREETS, DATE).orElseThrow().status()).isEqualTo(PostStatus.SENT);
    }

    @Test
    void postNowReturnsWithThePostsQueuedWhileTheirGroupsPaceHoldsThemBack() throws InterruptedException {
        clock.set(Instant.parse("2026-11-28T04:00:00Z"));
        // every group has just used its slots: the next one comes in an hour
        try (OutboundService outbound = OutboundFixtures.pooled(List.of(sender), group -> Duration.ofHours(1), 1, clock,
                new SimpleMeterRegistry())) {
            DailySummaryService service = service(outbound, true, composer, group(STREETS), group(STATIONS));

            List<Delivery> deliveries = service.postNow(DATE);

            assertThat(deliveries).allMatch(Delivery::queued);
            assertThat(service.progress(DATE, clock.instant())).extracting(PostProgress::status)
                .containsExactly("queued", "queued");
            assertThat(outbound.backlog()).isEqualTo(2);
            assertThat(sender.calls).isEmpty();
        }
    }

    @Test
    void postNowRepostsAnAlreadyPostedDayAndRetriesFailuresLikeTheSchedule() {
        DailySummaryService service = service();
        service.postDue(AT_EIGHT);
        clock.set(AT_EIGHT.plus(Duration.ofHours(1)));
        sender.failure = ScriptedSender::unavailable;

        List<Delivery> deliveries = service.postNow(DATE);

        assertThat(deliveries).allMatch(Delivery::queued);
        assertThat(sender.calls).hasSize(4);
        assertThat(composer.posted).hasSize(1);
        assertThat(claims.find(STREETS, DATE).orElseThrow().status()).isEqualTo(PostStatus.FAILED);
        assertThat(service.progress(DATE, clock.instant())).extracting(PostProgress::status).containsOnly("failed");
        assertThat(log.warnings()).hasSize(2)
            .allSatisfy(line -> assertThat(line).contains("attempt 1 failed, next try at")
                .endsWith("onebot http_503: send_group_msg answered HTTP 503"));
        assertThat(sends("posted")).isEqualTo(2);
        assertThat(sends("retried")).isEqualTo(2);

        sender.failure = () -> null;
        clock.set(AT_EIGHT.plus(Duration.ofHours(2)));
        service.postDue(clock.instant());

        assertThat(sender.calls).hasSize(6);
        assertThat(service.progress(DATE, clock.instant())).extracting(PostProgress::status).containsOnly("sent");
    }

    /** The one ERROR line of a post given up after trying. */
    static String gaveUp(GroupRef group, String how) {
        return "Gave up the summary " + group.platform() + ":" + group.groupId() + "@" + DATE + " " + how
                + "; re-post with POST /api/v1/summary?date=" + DATE;
    }

    /** {@code tallybot.summaries} of one outcome, as Prometheus would read it. */
    private long sends(String outcome) {
        return (long) meters.get(SummaryMetrics.SUMMARIES).tag("outcome", outcome).counter().count();
    }

    static final class FailingComposer implements SummaryComposer {

        @Override
        public DailySummary compose(LocalDate date, boolean catchUp) {
            throw new IllegalStateException("no records table");
        }

        @Override
        public void posted(DailySummary summary) {
        }

    }

}
