package cn.cdsw.tallybot.reminder;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.testing.OneBotApiStub;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static cn.cdsw.tallybot.reminder.ReminderApplications.STATIONS;
import static cn.cdsw.tallybot.reminder.ReminderApplications.STREETS;
import static cn.cdsw.tallybot.reminder.ReminderApplications.bind;
import static cn.cdsw.tallybot.reminder.ReminderApplications.local;
import static cn.cdsw.tallybot.reminder.ReminderApplications.report;
import static cn.cdsw.tallybot.reminder.ReminderApplications.start;
import static cn.cdsw.tallybot.reminder.ReminderApplications.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders through the OneBot HTTP API fake, on one SQLite file: the right units, the
 * right mentions, once per slot through a restart, nothing on a holiday, nothing when
 * everyone has reported. Monday 30 November 2026 is a working day.
 */
class ReminderDeliveryIntegrationTests {

    static final OneBotApiStub API = new OneBotApiStub();

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    static final Pattern TEXT = Pattern.compile("\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    static final Pattern AT = Pattern.compile("\\{\"type\":\"at\",\"data\":\\{\"qq\":\"(\\w+)\"}}");

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        API.reset(() -> java.time.Instant.EPOCH);
    }

    @AfterAll
    static void stopApi() {
        API.close();
    }

    String db() {
        return "jdbc:sqlite:" + dir.resolve("tallybot.db");
    }

    @Test
    void eachGroupGetsOneReminderNamingTheMissingUnitsAndMentioningTheirMembersOncePerSlotThroughARestart() {
        try (ConfigurableApplicationContext first = start(db(), API)) {
            report(first, "10001", "张三", "锦江区", "三圣街道社工站", MONDAY);
            report(first, "10005", "王五", "金牛区", "荷花池街道社工站", MONDAY);
            bind(first, "10001", "锦江区", "三圣街道社工站");
            bind(first, "10002", "锦江区", "锦官驿街道社工站");
            bind(first, "10003", "青羊区", "琴台路社区社工室");
            bind(first, "10004", "青羊区", "琴台路社区社工室");
            first.getBean(ReminderService.class).mute("onebot", "10004", true, local("2026-11-30T09:00"));

            tick(first, local("2026-11-30T16:59"));
            assertThat(API.calls()).as("before the slot").isEmpty();

            tick(first, local("2026-11-30T17:00"));
            tick(first, local("2026-11-30T17:01"));
        }
        assertThat(API.acceptedPerGroup()).containsOnlyKeys(STREETS, STATIONS).containsValues(1, 1);
        List<String> expectedMissing = expectedMissing();
        for (OneBotApiStub.Call call : API.calls()) {
            String text = text(call.body());
            assertThat(text).startsWith("⏰ 催报：11月30日还有" + expectedMissing.size() + "个单位未上报\n")
                .contains("锦江区：锦官驿街道社工站\n")
                .contains("青羊区：琴台路社区社工室\n")
                .doesNotContain("三圣街道社工站：")
                .doesNotContain("荷花池");
            assertThat(listedUnits(text)).containsExactlyElementsOf(expectedMissing);
            assertThat(mentions(call.body())).as("bound to a missing unit, not muted")
                .containsExactly("10002", "10003");
        }

        try (ConfigurableApplicationContext second = start(db(), API)) {
            tick(second, local("2026-11-30T17:05"));
            tick(second, local("2026-11-30T17:29"));
        }
        assertThat(API.calls()).as("a restart after the slot sends nothing more").hasSize(2);
    }

    @Test
    void nothingIsSentWhenEveryExpectedUnitHasReported() {
        try (ConfigurableApplicationContext context = start(db(), API)) {
            BotConfig config = context.getBean(BotConfig.class);
            config.unitDirectory()
                .unitsByDistrict()
                .forEach((district, units) -> units
                    .forEach(unit -> report(context, "10001", "张三", district, unit, MONDAY)));

            tick(context, local("2026-11-30T17:00"));
            tick(context, local("2026-11-30T19:00"));

            assertThat(API.calls()).isEmpty();
            assertThat(context.getBean(ReminderClaimRepository.class).ofDate(MONDAY)).hasSize(4)
                .allSatisfy(post -> assertThat(post.status()).isEqualTo("skipped"));
        }
    }

    @Test
    void nothingIsSentOnAHolidayOrAPlainSundayButOnAnAdjustedWorkingSaturday() {
        try (ConfigurableApplicationContext context = start(db(), API)) {
            tick(context, local("2026-10-01T17:00"));
            tick(context, local("2026-11-29T17:00"));
            assertThat(API.calls()).isEmpty();

            tick(context, local("2026-10-10T17:00"));
            assertThat(API.acceptedPerGroup()).containsOnlyKeys(STREETS, STATIONS).containsValues(1, 1);
        }
    }

    @Test
    void theScheduledJobSendsAtTheConfiguredTime() {
        try (ConfigurableApplicationContext context = start(db(), API, "--tallybot.reminder.enabled=true",
                "--tallybot.reminder.times=18:30", "--tallybot.reminder.tick=100ms",
                "--tallybot.reminder.initial-delay=0s")) {
            context.getBean(cn.cdsw.tallybot.e2e.MutableClock.class).set(local("2026-11-30T18:29:59"));
            assertThat(API.calls()).isEmpty();

            context.getBean(cn.cdsw.tallybot.e2e.MutableClock.class).set(local("2026-11-30T18:30:01"));
            await().until(() -> API.calls().size() >= 2);
            context.getBean(cn.cdsw.tallybot.e2e.MutableClock.class).set(local("2026-11-30T18:31"));
            await().pollDelay(java.time.Duration.ofMillis(500)).until(() -> true);
        }
        assertThat(API.acceptedPerGroup()).containsOnlyKeys(STREETS, STATIONS).containsValues(1, 1);
    }

    /**
     * The units of units.yml without a report on Monday in this test, in directory order.
     */
    static List<String> expectedMissing() {
        return List.of("锦官驿街道社工站", "琴台路社区社工室", "猛追湾街道社工站", "龙泉街道社工站", "大丰街道社工站", "东升街道社工站", "新津区社工总站", "晋原街道社工站",
                "灌口街道社工站", "社工总站", "崇阳街道社工站", "射洪坝街道社工站", "芳草街街道社工站", "华阳街道社工站");
    }

    static String text(String body) {
        Matcher m = TEXT.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1).replace("\\n", "\n");
    }

    /** The units of the per-district lines, in order. */
    static List<String> listedUnits(String text) {
        return text.lines()
            .skip(1)
            .filter(line -> line.contains("：") && !line.startsWith("请"))
            .flatMap(line -> List.of(line.substring(line.indexOf('：') + 1).split("、")).stream())
            .toList();
    }

    static List<String> mentions(String body) {
        Matcher m = AT.matcher(body);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

}
