package cn.cdsw.tallybot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.command.CommandParser;
import cn.cdsw.tallybot.command.ParseContext;
import cn.cdsw.tallybot.command.ReportDraft;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigLoader;
import cn.cdsw.tallybot.coordination.local.LocalFollowUps;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.SenderRole;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.report.SqliteTestDatabase;

/**
 * Every permitted {@link Command} has a handler (style rule 13: the instanceof chain cannot be checked by the
 * compiler on Java 17, so this test walks the sealed hierarchy instead).
 */
class CommandDispatcherTests {

    static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @TempDir
    Path dir;

    @Test
    void handlesEveryPermittedCommand() {
        CommandDispatcher dispatcher = dispatcher();
        Turn turn = new Turn(new ChatMessage("onebot", "1418159967", "1", "张三", SenderRole.MEMBER, "m1", "#x",
                false, NOW), new ParseContext(TODAY, 7, false, false));
        ReportDraft draft = new ReportDraft("锦江区", "三圣街道社工站", null, TODAY,
                List.of(new Metric("visits", "户", 3, false)), List.of(), null, null, null, List.of("走访3户"));
        Map<Class<?>, Command> samples = Map.of(
                Command.Report.class, new Command.Report(draft),
                Command.Bind.class, new Command.Bind("锦江区", "三圣街道社工站"),
                Command.Retract.class, new Command.Retract(null),
                Command.Correct.class, new Command.Correct(1, draft),
                Command.Mine.class, new Command.Mine(),
                Command.Help.class, new Command.Help(null));

        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            assertThat(samples).as("a sample of %s", type.getSimpleName()).containsKey(type);
            assertThat(dispatcher.dispatch(samples.get(type), turn)).as(type.getSimpleName()).isPresent();
        }
    }

    private CommandDispatcher dispatcher() {
        BotConfig config = BotConfigLoader.load(Path.of("bot-config"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ReportService reports = SqliteTestDatabase.reportService(SqliteTestDatabase.migrated(dir), clock);
        ConversationProperties properties = new ConversationProperties(7, Duration.ofMinutes(5),
                Duration.ofMinutes(10));
        PendingReports pending = new PendingReports(new LocalFollowUps(clock), JsonMapper.builder().build(), clock,
                properties);
        return new CommandDispatcher(new ReportCommands(reports, pending, new CommandParser(config), config),
                new RecordChanges(reports, config), new SenderCommands(reports, config, clock));
    }
}
