package cn.cdsw.tallybot.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigLoader;

/**
 * Messages per second through {@link CommandParser#parse} on one thread (bench/parser.sh, target 200,000/s per
 * core). The mix is every text of the sample reports plus a few hand-written examples (the one-line and the form
 * report, queries, a ranking, a non-command), cycled in order so each invocation parses the next message.
 * Run from the repository root (reads bot-config/ and src/test/resources/samples/reports.jsonl).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ParserBenchmark {

    static final List<String> EXAMPLES = List.of(
            "#上报 锦江区 三圣街道社工站 走访196户 物资1310件 个案2个",
            "#上报\n区县：锦江区\n单位：锦官驿街道社工站\n类别：资源链接\n物资：大米224袋、一次性手套500双、食用油206瓶、消毒酒精500瓶\n"
                    + "物资合计：4283件\n价值：29739.5元\n备注：发动10家爱心企业、445位爱心个人",
            "#上报 金牛区 荷花池街道社工站 志愿者十五人 电话300余个 走访两千七百一十五人次",
            "#统计 本月", "#统计 锦江区 11月1日-11月28日", "#排行 走访 本月", "今天大家辛苦了");

    private CommandParser parser;
    private ParseContext context;
    private String[] messages;
    private int next;

    @Setup
    public void setUp() throws IOException {
        BotConfig config = BotConfigLoader.load(Path.of("bot-config"));
        parser = new CommandParser(config);
        context = new ParseContext(LocalDate.of(2026, 11, 29), 7, false, false);
        List<String> texts = new ArrayList<>(EXAMPLES);
        JsonMapper json = JsonMapper.builder().build();
        Files.readAllLines(Path.of("src/test/resources/samples/reports.jsonl"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .forEach(line -> texts.add(json.readTree(line).get("text").asString()));
        messages = texts.toArray(String[]::new);
    }

    @Benchmark
    public ParseResult parse() {
        String text = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        return parser.parse(text, context);
    }
}
