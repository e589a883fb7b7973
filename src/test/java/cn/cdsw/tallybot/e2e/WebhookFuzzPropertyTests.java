package cn.cdsw.tallybot.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import cn.cdsw.tallybot.TallybotApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and mutated OneBot bodies into the real webhook, signed so that they get past
 * the verifier and reach the parser: valid events truncated, with bytes flipped, fields
 * of the wrong type, huge numbers, nested junk, invalid UTF-8 and extreme times. Whatever
 * comes in, the webhook answers below 500, no answer names an exception or shows a stack
 * trace, and the store never holds half a record: every record has its figures and the
 * reply-log row of the message that made it. One application context serves all tries,
 * which are few, so that the property runs in seconds.
 */
class WebhookFuzzPropertyTests {

    private static final String SECRET = "fuzz-secret";

    private static final String GROUP = "1418159967";

    private static final Instant NOON = Instant.parse("2026-11-29T04:00:00Z");

    private static final AtomicLong IDS = new AtomicLong(70_000);

    private static final List<String> REPORTS = List.of("#上报 锦江区 三圣街道社工站 走访196户 物资1310件",
            "#上报 金牛区 荷花池街道社工站 走访42户 物资：大米224袋、食用油206瓶 备注：入户", "#明细", "#统计 锦江区 本周", "#绑定 锦江区 三圣街道社工站", "#撤回",
            "#更正 1 走访3户", "#帮助", "今天大家辛苦了", "锦江区", "今天在三圣街道走访了12户老人，发放大米20袋");

    private static Path dir;

    private static ConfigurableApplicationContext context;

    private static WebhookClient bot;

    private enum Mutation {

        NONE, TRUNCATE, FLIP_BYTE, WRONG_TYPE, HUGE_NUMBER, NESTED_JUNK, INVALID_UTF8, EXTREME_TIME, RANDOM_BYTES,
        DUPLICATE_KEY

    }

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("tallybot-fuzz");
        context = new SpringApplicationBuilder(TallybotApplication.class, WebhookTestClock.class).initializers(
                c -> c.getBeanFactory().registerSingleton("excludeTestConfigurations", new ExcludeTestConfigurations()))
            .run("--server.port=0", "--spring.datasource.url=jdbc:sqlite:" + dir.resolve("tallybot.db"),
                    "--tallybot.onebot.secret=" + SECRET, "--tallybot.summary.enabled=false",
                    "--tallybot.summary.images=false", "--tallybot.coordination.command-limit=100000");
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        bot = new WebhookClient(port, SECRET, "unused-token");
    }

    @AfterContainer
    static void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 150)
    void anyBodyGetsANon5xxAnswerWithoutATraceAndLeavesNoHalfRecord(@ForAll("bodies") byte[] body) throws SQLException {
        WebhookClient.Answer answer = bot.post(body);

        assertThat(answer.status()).as(new String(body, StandardCharsets.UTF_8)).isLessThan(500);
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "at cn.cdsw", "at java.", "at org.", "trace");
        assertThat(halfRecords()).isZero();
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<String> texts = Arbitraries.oneOf(Arbitraries.of(REPORTS),
                Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(60));
        return net.jqwik.api.Combinators
            .combine(texts, Arbitraries.of(Mutation.class), Arbitraries.integers().between(0, 10_000),
                    Arbitraries.bytes(), Arbitraries.of("member", "admin", "owner", "", "老大"))
            .as(WebhookFuzzPropertyTests::body);
    }

    private static byte[] body(String text, Mutation mutation, int position, byte value, String role) {
        long messageId = IDS.incrementAndGet();
        byte[] valid = OneBotEvents.groupMessage(GROUP, messageId, 30_000 + position % 7, role, text, NOON);
        String json = new String(valid, StandardCharsets.UTF_8);
        return switch (mutation) {
            case NONE -> valid;
            case TRUNCATE -> Arrays.copyOf(valid, position % valid.length);
            case FLIP_BYTE -> {
                byte[] flipped = valid.clone();
                flipped[position % flipped.length] ^= (byte) (value == 0 ? 1 : value);
                yield flipped;
            }
            case WRONG_TYPE -> utf8(replaceValue(json, field(position),
                    List.of("\"x\"", "[]", "{}", "null", "true", "1.5", "-1", "\"\"", "[{\"type\":7}]")
                        .get(Math.abs(value) % 9)));
            case HUGE_NUMBER -> utf8(replaceValue(json, field(position),
                    List.of("99999999999999999999999999", "1e308", "-9223372036854775809", "9223372036854775807", "0")
                        .get(Math.abs(value) % 5)));
            case NESTED_JUNK -> utf8(replaceValue(json, field(position),
                    "[".repeat(1 + position % 300) + "{\"a\":" + "]".repeat(1 + position % 300)));
            case INVALID_UTF8 -> {
                byte[] bytes = valid.clone();
                int at = position % bytes.length;
                bytes[at] = (byte) 0xC3;
                if (at + 1 < bytes.length) {
                    bytes[at + 1] = (byte) 0x28;
                }
                yield bytes;
            }
            case EXTREME_TIME -> utf8(replaceValue(json, "time", List
                .of("-1", "0", "253402300800", "9223372036854775807", "-9223372036854775808", "1e20", "\"tomorrow\"")
                .get(Math.abs(value) % 7)));
            case RANDOM_BYTES -> {
                byte[] bytes = new byte[position % 200];
                Arrays.fill(bytes, value);
                yield bytes;
            }
            case DUPLICATE_KEY -> utf8(json.replaceFirst("\\{", "{\"message_id\":{\"nested\":[1,2,3]},"));
        };
    }

    private static String field(int position) {
        List<String> fields = List.of("time", "self_id", "post_type", "message_type", "sub_type", "message_id",
                "group_id", "user_id", "message", "sender");
        return fields.get(position % fields.size());
    }

    /**
     * The event with the value of a top-level {@code field} replaced: the fields are
     * written by {@link OneBotEvents} in a known order, so the value runs to the next
     * {@code ,"} of a top-level key.
     */
    private static String replaceValue(String json, String field, String value) {
        String key = "\"" + field + "\":";
        int start = json.indexOf(key);
        if (start < 0) {
            return json;
        }
        int from = start + key.length();
        int end = nextTopLevelComma(json, from);
        return json.substring(0, from) + value + json.substring(end);
    }

    private static int nextTopLevelComma(String json, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                }
                else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            }
            else if (c == '[' || c == '{') {
                depth++;
            }
            else if (c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
            else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Records that are not whole: without any figure, or without the reply-log row that
     * is written in the same unit as the record.
     */
    private static long halfRecords() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tallybot.db"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT COUNT(*) FROM activity_record r
                        WHERE (NOT EXISTS (SELECT 1 FROM record_metric m WHERE m.record_id = r.id)
                               AND NOT EXISTS (SELECT 1 FROM record_item i WHERE i.record_id = r.id)
                               AND r.materials_total IS NULL AND r.value_fen IS NULL)
                           OR NOT EXISTS (SELECT 1 FROM handled_message h
                               WHERE h.platform = r.platform AND h.group_id = r.group_id
                                 AND h.message_id = r.message_id AND h.content_hash = r.content_hash)""")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Keeps other tests' {@code @TestConfiguration} classes out of the component scan.
     */
    static final class ExcludeTestConfigurations extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName())
                    && !reader.getClassMetadata().getClassName().equals(WebhookTestClock.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExcludeTestConfigurations;
        }

        @Override
        public int hashCode() {
            return ExcludeTestConfigurations.class.hashCode();
        }

    }

}
