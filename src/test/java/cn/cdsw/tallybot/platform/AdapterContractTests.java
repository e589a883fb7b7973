package cn.cdsw.tallybot.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.e2e.TestSupport;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.testing.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contract every chat platform adapter passes: the same conversation, through the
 * whole application, from a signed webhook call to what the platform's API received. A
 * report is stored and answered, a query answered, the daily post delivered once with its
 * chart, a forged call refused with 401 and nothing stored, a redelivery answered once
 * and stored once.
 *
 * <p>
 * A subclass is a {@code @SpringBootTest} of one adapter with the platform's API played
 * by a fake on loopback. It
 * <ul>
 * <li>adds the adapter's properties in a {@code @DynamicPropertySource}, including
 * {@code tallybot.config-dir} from {@link #configDirWith}, so its group is the one served
 * group and the one summary group;</li>
 * <li>implements {@link #platform()}, {@link #groupId()}, {@link #deliver} (a correctly
 * signed or encrypted group message), {@link #forge} (the same, signed with a wrong
 * secret) and {@link #delivered()} (what the fake got for the group, one entry per
 * message the bot sent).</li>
 * </ul>
 * The application runs on its own SQLite file at noon of 29 November (a
 * {@link MutableClock}), with the scheduled summary off and the admin API on; tests share
 * the context, so each uses fresh message ids and counts differences.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ContractClock.class)
public abstract class AdapterContractTests {

    protected static final Instant NOON = ContractClock.NOON;

    private static final String TOKEN = "contract-api-token";

    private static final AtomicLong IDS = new AtomicLong(70_000);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final OkHttpClient HTTP = new OkHttpClient();

    /** One message the platform received from the bot, as its group shows it. */
    public record Delivered(String text, boolean withImage) {
    }

    @DynamicPropertySource
    static void contractProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-contract"));
        registry.add("tallybot.api.token", () -> TOKEN);
        registry.add("tallybot.summary.enabled", () -> "false");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    private OutboundService outbound;

    /** The platform name of the adapter, as in {@code ChatMessage.platform}. */
    protected abstract String platform();

    /** The group the conversation happens in, in the platform's own id. */
    protected abstract String groupId();

    /**
     * Posts a correctly signed group message to the adapter's webhook and returns the
     * HTTP status. The same {@code messageId} twice is a redelivery.
     */
    protected abstract int deliver(String messageId, String senderId, String text);

    /** Posts the same message signed with a wrong secret; returns the HTTP status. */
    protected abstract int forge(String messageId, String senderId, String text);

    /**
     * Every message the platform's fake received for {@link #groupId()} so far, in order;
     * a chart that travels as a message of its own counts with the text it belongs to.
     */
    protected abstract List<Delivered> delivered();

    /**
     * A copy of {@code bot-config/} whose groups.yml serves exactly one group, which also
     * gets the daily summary.
     */
    protected static String configDirWith(String platform, String groupId) {
        try {
            Path dir = Files.createTempDirectory("tallybot-contract-config");
            try (Stream<Path> files = Files.list(Path.of("bot-config"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            Files.writeString(dir.resolve("groups.yml"), "groups:\n  - platform: " + platform + "\n    id: \"" + groupId
                    + "\"\n    name: 契约测试群\n    summary: true\n", StandardCharsets.UTF_8);
            return dir.toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void atNoon() {
        clock.set(NOON);
    }

    @Test
    void aReportIsStoredAndAnswered() {
        int before = records().size();

        assertThat(deliver(nextId(), "10001", "#上报 锦江区 三圣街道社工站 走访196户")).isBetween(200, 299);

        Delivered reply = awaitReply(r -> r.text().contains("三圣街道社工站") && r.text().contains("走访196户"));
        assertThat(reply.text()).contains("已记录");
        assertThat(records()).hasSize(before + 1);
        JsonNode record = records().get(records().size() - 1);
        assertThat(record.get("platform").asString()).isEqualTo(platform());
        assertThat(record.get("group_id").asString()).isEqualTo(groupId());
        assertThat(record.get("sender_id").asString()).isEqualTo("10001");
    }

    @Test
    void aQueryIsAnswered() {
        deliver(nextId(), "10002", "#上报 金牛区 荷花池街道社工站 走访42户");
        awaitReply(r -> r.text().contains("荷花池街道社工站"));

        assertThat(deliver(nextId(), "10003", "#统计 金牛区 今天")).isBetween(200, 299);

        Delivered answer = awaitReply(r -> r.text().contains("金牛区·今天"));
        assertThat(answer.text()).contains("走访");
    }

    @Test
    void theDailyPostIsDeliveredOnceWithItsChart() {
        TestServices.chineseFont();
        deliver(nextId(), "10004", "#上报 青羊区 草市街街道社工站 走访12户");
        awaitReply(r -> r.text().contains("草市街街道社工站"));

        JsonNode queued = api("POST", "/api/v1/summary?date=2026-11-29");
        assertThat(queued.get("deliveries")).singleElement()
            .satisfies(d -> assertThat(d.get("group_id").asString()).isEqualTo(groupId()));
        await().atMost(Duration.ofSeconds(20))
            .untilAsserted(() -> assertThat(api("GET", "/api/v1/summary?date=2026-11-29").get("posts")).singleElement()
                .satisfies(post -> assertThat(post.get("status").asString()).isEqualTo("sent")));
        await().atMost(Duration.ofSeconds(10)).until(() -> outbound.backlog() == 0);

        List<Delivered> posts = delivered().stream().filter(d -> d.text().contains("成都社工每日战报")).toList();
        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(post.withImage()).as("the chart goes with the post").isTrue();
            assertThat(post.text()).contains("青羊区");
        });
    }

    @Test
    void aForgedCallIsRefusedAndStoresNothing() {
        int before = records().size();
        int sent = delivered().size();

        assertThat(forge(nextId(), "10005", "#上报 武侯区 玉林街道社工站 走访999户")).isEqualTo(401);

        assertThat(records()).hasSize(before);
        assertThat(delivered()).hasSize(sent);
        assertThat(outbound.backlog()).isZero();
    }

    @Test
    void aRedeliveryIsStoredAndAnsweredOnce() {
        int before = records().size();
        String id = nextId();

        assertThat(deliver(id, "10006", "#上报 成华区 猛追湾街道社工站 走访7户")).isBetween(200, 299);
        awaitReply(r -> r.text().contains("猛追湾街道社工站"));
        assertThat(deliver(id, "10006", "#上报 成华区 猛追湾街道社工站 走访7户")).isBetween(200, 299);
        // a later answer leaves the same queue after any second answer would have
        deliver(nextId(), "10007", "#统计 成华区 今天");
        awaitReply(r -> r.text().contains("成华区·今天"));

        assertThat(records()).hasSize(before + 1);
        assertThat(delivered()).filteredOn(r -> r.text().contains("猛追湾街道社工站") && r.text().contains("走访7户")).hasSize(1);
    }

    /** The first message the fake got that matches, waiting for it up to 20 s. */
    protected Delivered awaitReply(Predicate<Delivered> matching) {
        return await().atMost(Duration.ofSeconds(20))
            .until(() -> delivered().stream().filter(matching).findFirst(), Optional::isPresent)
            .orElseThrow();
    }

    protected static String nextId() {
        return Long.toString(IDS.incrementAndGet());
    }

    private List<JsonNode> records() {
        JsonNode page = api("GET", "/api/v1/records?limit=1000");
        return page.get("records").valueStream().toList();
    }

    private JsonNode api(String method, String path) {
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + path)
            .header("Authorization", "Bearer " + TOKEN)
            .method(method, "POST".equals(method) ? RequestBody.create(new byte[0]) : null)
            .build();
        try (Response response = HTTP.newCall(request).execute()) {
            assertThat(response.code()).as(method + " " + path).isBetween(200, 299);
            return JSON.readTree(response.body().string());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
