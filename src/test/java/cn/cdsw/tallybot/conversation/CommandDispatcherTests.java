package cn.cdsw.tallybot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cdsw.tallybot.command.BulletinStation;
import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.command.ParseContext;
import cn.cdsw.tallybot.command.ProseNotes;
import cn.cdsw.tallybot.command.ReportDraft;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.e2e.TestSupport;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.SenderRole;
import cn.cdsw.tallybot.query.Period;
import cn.cdsw.tallybot.query.RankBy;
import cn.cdsw.tallybot.query.Scope;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.testing.LogCapture;

/**
 * Every permitted {@link Command} has a handler (the instanceof chain cannot be checked
 * by the compiler on Java 17, so this test walks the sealed hierarchy instead).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tallybot.summary.enabled=false")
// the "no sender" warning comes once per context: the test that waits for it runs first,
// before another test's post (on the summary thread) can use it up
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandDispatcherTests {

    static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-dispatch"));
    }

    @Autowired
    CommandDispatcher dispatcher;

    @RegisterExtension
    final LogCapture log = LogCapture.named("cn.cdsw.tallybot.summary.SummaryDelivery");

    @Test
    @Order(1)
    void handlesEveryPermittedCommand() {
        Turn turn = new Turn(
                new ChatMessage("onebot", "1418159967", "1", "张三", SenderRole.ADMIN, "m1", "#x", false, NOW),
                new ParseContext(TODAY, 7, true, false));
        ReportDraft draft = new ReportDraft("锦江区", "三圣街道社工站", null, TODAY, List.of(new Metric("visits", "户", 3, false)),
                List.of(), null, null, null);
        Period today = Period.day(TODAY, "今天");
        Map<Class<?>, Command> samples = Map.ofEntries(Map.entry(Command.Report.class, new Command.Report(draft)),
                Map.entry(Command.ProsePending.class, new Command.ProsePending(draft)),
                Map.entry(Command.Bulletin.class,
                        new Command.Bulletin(List.of(new BulletinStation(1, draft, ProseNotes.NONE, "三圣街道社工站", null),
                                new BulletinStation(2, draft.withPlace("锦江区", "锦官驿街道社工站"), ProseNotes.NONE, "锦官驿街道社工站",
                                        null)),
                                0)),
                Map.entry(Command.Bind.class, new Command.Bind("锦江区", "三圣街道社工站")),
                Map.entry(Command.Retract.class, new Command.Retract(null)),
                Map.entry(Command.Correct.class, new Command.Correct(1, draft)),
                Map.entry(Command.Mine.class, new Command.Mine()),
                Map.entry(Command.Help.class, new Command.Help(null)),
                Map.entry(Command.Query.class, new Command.Query(Scope.CITY, today)),
                Map.entry(Command.Rank.class,
                        new Command.Rank(Scope.CITY, today, new RankBy.Metric("visits", "户"), false, true)),
                Map.entry(Command.ListRecords.class, new Command.ListRecords(Scope.CITY, today)),
                Map.entry(Command.Missing.class, new Command.Missing(TODAY, null)),
                Map.entry(Command.PostSummary.class, new Command.PostSummary(TODAY)),
                Map.entry(Command.PostReport.class, new Command.PostReport(CommandType.WEEKLY, null)),
                Map.entry(Command.Remind.class, Command.Remind.of(Command.RemindAction.SHOW)),
                Map.entry(Command.Mute.class, new Command.Mute(true)),
                Map.entry(Command.Desk.class, new Command.Desk()),

                Map.entry(Command.Export.class, new Command.Export(Scope.CITY, today)));

        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            assertThat(samples).as("a sample of %s", type.getSimpleName()).containsKey(type);
            assertThat(dispatcher.dispatch(samples.get(type), turn)).as(type.getSimpleName()).isPresent();
        }
        // #日报 posts for real, off this thread; with no OneBot API configured here there
        // is no sender to post with
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(log.warnings()).containsExactly(
                    "No sender for platform onebot: summaries to its groups cannot be posted (is its API URL set?)"));
    }

    @Test
    @Order(2)
    void aWeeklyOrMonthlyReportIsForCoordinatorsAndForAPeriodThatHasEnded() {
        Turn member = turn(false);
        Turn coordinator = turn(true);

        assertThat(dispatcher.dispatch(new Command.PostReport(CommandType.WEEKLY, null), member))
            .hasValueSatisfying(reply -> assertThat(reply).isEqualTo("❌ 「周报」只有协调员可以用（群主、群管理员或配置的协调员）。如需帮助请联系协调员。"));
        // Sunday 29 November: this week and this month have not ended
        assertThat(dispatcher.dispatch(new Command.PostReport(CommandType.WEEKLY, TODAY), coordinator))
            .contains("❌ 2026年11月23日—11月29日还没过完，不能发周报。不写时段就发上一期。");
        assertThat(dispatcher.dispatch(new Command.PostReport(CommandType.MONTHLY, TODAY.minusDays(3)), coordinator))
            .contains("❌ 2026年11月还没过完，不能发月报。不写时段就发上一期。");
        // without a period: last week, last month
        assertThat(dispatcher.dispatch(new Command.PostReport(CommandType.WEEKLY, null), coordinator))
            .hasValueSatisfying(reply -> assertThat(reply).startsWith("✅ 正在发送2026年11月16日—11月22日周报到"));
        assertThat(dispatcher.dispatch(new Command.PostReport(CommandType.MONTHLY, null), coordinator))
            .hasValueSatisfying(reply -> assertThat(reply).startsWith("✅ 正在发送2026年10月月报到"));
    }

    private static Turn turn(boolean coordinator) {
        return new Turn(new ChatMessage("onebot", "1418159967", "1", "张三",
                coordinator ? SenderRole.ADMIN : SenderRole.MEMBER, "m1", "#周报", false, NOW),
                new ParseContext(TODAY, 7, coordinator, false));
    }

}
