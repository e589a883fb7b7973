package cn.cdsw.tallybot.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.testing.LogCapture;
import cn.cdsw.tallybot.testing.OneBotApiStub;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daily summary through the real application: SQLite file, the real OneBot sender,
 * MockWebServer as the OneBot API. The scheduler is off
 * ({@code tallybot.summary.enabled=false}); each test moves the clock and calls
 * {@code postDue} as the job would. The tests share one database, as a bot running for
 * weeks does, so each uses its own dates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SummaryTestBeans.class)
class DailySummaryIntegrationTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String STREETS = "639921629";
    static final String STATIONS = "1418159967";
    static final OneBotApiStub API = new OneBotApiStub();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + tempDir() + "/tallybot.db");
        registry.add("tallybot.onebot.api-url", API::url);
        registry.add("tallybot.onebot.access-token", () -> OneBotApiStub.TOKEN);
        registry.add("tallybot.summary.enabled", () -> "false");
        // the daily post alone: the weekly and monthly reports have their own tests
        registry.add("tallybot.summary.weekly.enabled", () -> "false");
        registry.add("tallybot.summary.monthly.enabled", () -> "false");
    }

    static String tempDir() {
        try {
            return Files.createTempDirectory("tallybot-summary").toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopApi() {
        API.close();
    }

    @Autowired
    DailySummaryService summaries;

    @Autowired
    MutableClock clock;

    @Autowired
    OutboundService outbound;

    @Autowired
    RecordingComposer composer;

    @Autowired
    ApplicationContext context;

    @RegisterExtension
    final LogCapture log = LogCapture.of(SummaryDelivery.class);

    @BeforeEach
    void reset() {
        API.reset(clock::instant);
        composer.composed.clear();
        composer.posted.clear();
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    void tick(Instant now) {
        clock.set(now);
        summaries.postDue(now);
        // the posts leave from their groups' queues; the tick is over when those are
        // empty
        await().until(() -> outbound.backlog() == 0);
    }

    @Test
    void theSchedulerIsOffSoOnlyTheTestTicks() {
        assertThat(context.getBeanNamesForType(DailySummaryJob.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DailySummaryService.class)).hasSize(1);
    }

    @Test
    void postsOncePerGroupAtTheEveningPostTimeAndNeverAgain() {
        tick(local("2026-11-28T20:00"));

        assertThat(API.accepted(STREETS)).isEqualTo(1);
        assertThat(API.accepted(STATIONS)).isEqualTo(1);
        assertThat(API.calls()).allSatisfy(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer " + OneBotApiStub.TOKEN);
            assertThat(call.body()).contains("11月28日 社工站日报").doesNotContain("补发").contains("\"type\":\"image\"");
        });

        for (String later : new String[] { "2026-11-28T20:01", "2026-11-28T20:30", "2026-11-28T23:59",
                "2026-11-29T08:00" }) {
            tick(local(later));
        }

        assertThat(API.calls()).hasSize(2);
        assertThat(composer.composed).containsExactly(new RecordingComposer.Call(LocalDate.of(2026, 11, 28), false));
        assertThat(composer.posted).hasSize(1);
    }

    @Test
    void thirtyMinutesOf503sEndInOnePostPerGroupWithBackedOffAttempts() {
        Instant eight = local("2026-11-20T20:00");
        Instant apiBack = local("2026-11-20T20:30");
        API.failWhile(now -> now.isBefore(apiBack));

        for (Instant now = eight; !now.isAfter(eight.plus(Duration.ofMinutes(90))); now = now.plusSeconds(60)) {
            tick(now);
        }

        for (String group : new String[] { STREETS, STATIONS }) {
            assertThat(API.accepted(group)).as("posts accepted for %s", group).isEqualTo(1);
            // 30s doubling with equal jitter: about seven tries in the half hour, far
            // from one a minute
            assertThat(API.attempts(group)).as("attempts for %s", group).isBetween(5L, 10L);
            assertThat(log.warnings()).as("a WARN per failed attempt for %s", group)
                .filteredOn(line -> line.startsWith("Summary onebot:" + group + "@2026-11-20 attempt "))
                .hasSize((int) API.attempts(group) - 1)
                .allSatisfy(line -> assertThat(line).endsWith(": send_group_msg answered HTTP 503"));
        }
        assertThat(log.warnings()).hasSize((int) (API.attempts(STREETS) + API.attempts(STATIONS)) - 2);
        assertThat(log.errors()).isEmpty();
        assertThat(API.calls()).filteredOn(OneBotApiStub.Call::accepted)
            .allSatisfy(call -> assertThat(call.body()).contains("11月20日").doesNotContain("补发"));
    }

    @Test
    void aBotThatWasDownAtEightPostsOnStartUpMarkedAsCatchUp() {
        tick(local("2026-11-10T22:30"));

        assertThat(API.accepted(STREETS)).isEqualTo(1);
        assertThat(API.accepted(STATIONS)).isEqualTo(1);
        assertThat(API.calls()).allSatisfy(call -> assertThat(call.body()).contains("【补发】11月10日"));
        assertThat(composer.composed).containsExactly(new RecordingComposer.Call(LocalDate.of(2026, 11, 10), true));

        tick(local("2026-11-10T22:31"));
        tick(local("2026-11-11T07:00"));
        assertThat(API.calls()).hasSize(2);
    }

    @Test
    void aBotThatStartsNextMorningPostsYesterdaysSummaryOnlyOnce() {
        tick(local("2026-11-06T07:00"));

        assertThat(API.calls()).hasSize(2).allSatisfy(call -> assertThat(call.body()).contains("【补发】11月5日"));

        tick(local("2026-11-06T12:00"));
        tick(local("2026-11-06T20:00"));

        assertThat(API.accepted(STREETS)).isEqualTo(2);
        assertThat(API.calls()).filteredOn(call -> call.body().contains("11月6日"))
            .hasSize(2)
            .allSatisfy(call -> assertThat(call.body()).doesNotContain("补发"));
    }

}
