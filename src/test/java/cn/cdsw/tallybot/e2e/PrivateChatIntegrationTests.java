package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.testing.FakeOneBot;
import cn.cdsw.tallybot.testing.LogCapture;

/**
 * Private chat with the bot end to end, over HTTP POST (replies through the HTTP API, a
 * MockWebServer here) and over the reverse WebSocket (a fake NapCat): a coordinator's 统计
 * in private and their ledger as a file there, a bound member's report stored, an unbound
 * member's refused, a group and a private chat with the same number kept apart, a
 * redelivery handled once, and a friend request left to the account owner. User 20001 is
 * the one coordinator of coordinators.yml; group owners and admins count in groups only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivateChatIntegrationTests extends WebhookTestBase {

    static final long COORDINATOR = 20001;

    static final String ACCESS_TOKEN = "private-ws-token";

    static final OneBotApi API = new OneBotApi();

    @DynamicPropertySource
    static void privateChatProperties(DynamicPropertyRegistry registry) {
        registry.add("tallybot.config-dir", PrivateChatIntegrationTests::configWithCoordinator);
        registry.add("tallybot.onebot.mode", () -> "http,ws-reverse");
        registry.add("tallybot.onebot.access-token", () -> ACCESS_TOKEN);
        registry.add("tallybot.onebot.reply-mode", () -> "api");
        registry.add("tallybot.onebot.api-url", API::url);
    }

    @AfterAll
    static void stopApi() {
        API.server.close();
    }

    @RegisterExtension
    final LogCapture log = LogCapture.named("cn.cdsw.tallybot.platform.onebot");

    private final OkHttpClient client = new OkHttpClient();

    private FakeOneBot napcat;

    @AfterEach
    void hangUp() throws InterruptedException {
        if (napcat != null && napcat.isOpen()) {
            napcat.drop();
            napcat.awaitEnd();
        }
    }

    @Test
    void answersACoordinatorsStatsInPrivateThroughSendPrivateMsgScopedToTheirDistrict() throws InterruptedException {
        // districts no other test of this class reports in, whatever their order
        say(30101, "#上报 温江区 柳城街道社工站 走访31户");
        say(30102, "#上报 新都区 大丰街道社工站 走访47户");
        API.awaitText("走访47户");
        dm(COORDINATOR, "绑定 温江区 温江区社工总站");
        API.awaitText("已绑定");

        dm(COORDINATOR, "统计");
        Sent own = API.awaitText("📊");
        dm(COORDINATOR, "#统计 全市");
        Sent city = API.awaitText("📊");

        assertThat(own.action()).isEqualTo("send_private_msg");
        assertThat(own.body().get("user_id").asLong()).isEqualTo(COORDINATOR);
        assertThat(own.body().has("group_id")).isFalse();
        assertThat(own.text()).startsWith("📊 温江区").contains("走访31户").doesNotContain("走访47户");
        assertThat(city.text()).startsWith("📊 全市").contains("温江区1条").contains("新都区1条");

    }

    @Test
    void aCoordinatorsExportInPrivateComesAsAFileInThatChat() throws Exception {
        say(30111, "#上报 温江区 柳城街道社工站 走访12户");
        API.awaitText("走访12户");

        dm(COORDINATOR, "导出 温江区 本月");
        List<Sent> passed = new ArrayList<>();
        Sent answer = API.awaitText("📤", passed);
        Sent upload = API.awaitAction("upload_private_file", passed);

        assertThat(answer.action()).isEqualTo("send_private_msg");
        assertThat(answer.text()).startsWith("📤 正在生成温江区·本月台账（").endsWith("条记录），稍后以文件发给您。");
        long reports = Long.parseLong(answer.text().replaceAll(".*（(\\d+)条记录）.*", "$1"));
        assertThat(upload.body().get("user_id").asLong()).isEqualTo(COORDINATOR);
        assertThat(upload.body().has("group_id")).isFalse();
        assertThat(upload.body().get("name").asString()).startsWith("台账_温江区_").endsWith(".xlsx");
        String file = upload.body().get("file").asString();
        assertThat(file).startsWith("base64://");
        byte[] xlsx = Base64.getDecoder().decode(file.substring("base64://".length()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("明细").getLastRowNum()).isEqualTo(reports).isPositive();
            assertThat(workbook.getSheet("明细").getRow(1).getCell(1).getStringCellValue()).isEqualTo("温江区");
        }
    }

    @Test
    void storesABoundMembersReportSentInPrivateAndSaysForWhichUnit() throws InterruptedException {
        int before = recordCount();
        dm(30201, "#绑定 青羊区 草市街社工站");
        assertThat(API.awaitText("已绑定").text()).contains("青羊区·草市街社工站");

        dm(30201, "上报 走访6户");
        Sent stored = API.awaitText("已记录");

        assertThat(stored.action()).isEqualTo("send_private_msg");
        assertThat(stored.body().get("user_id").asLong()).isEqualTo(30201);
        assertThat(stored.text()).contains("青羊区·草市街社工站").contains("走访6户");
        assertThat(recordCount()).isEqualTo(before + 1);
        JsonNode record = record(idIn(stored.text()));
        assertThat(record.get("group_id").asString()).as("a private chat has no group").isEmpty();
        assertThat(record.get("sender_id").asString()).isEqualTo("30201");
    }

    @Test
    void refusesAnUnboundMembersReportAndStoresNothing() throws InterruptedException {
        int before = recordCount();

        dm(30301, "#上报 锦江区 三圣街道社工站 走访5户");
        Sent refused = API.awaitText("❌");

        assertThat(refused.action()).isEqualTo("send_private_msg");
        assertThat(refused.text()).contains("先绑定").contains("没有记录").contains("#绑定 锦江区 三圣街道社工站");
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void refusesAMembersStatsInPrivateSayingWhatTheyMayDo() throws InterruptedException {
        // an admin of the group is a coordinator there, and an ordinary member in private
        bot.post(OneBotEvents.groupMessage(GROUP, nextId(), 30401, "admin", "#未报", clock.instant()));
        // answered, not refused (29 November is a Sunday, so the answer is that nobody
        // was expected)
        assertThat(API.awaitText("11月29日").action()).isEqualTo("send_group_msg");

        dm(30401, "#未报");
        Sent refused = API.awaitText("❌");

        assertThat(refused.action()).isEqualTo("send_private_msg");
        assertThat(refused.text()).contains("只有协调员").contains("#绑定").contains("#我的");
    }

    @Test
    void keepsAGroupAndAPrivateChatWithTheSameNumberApart() throws InterruptedException {
        // the worst case: the same sender, the same words and the same message id, once
        // in
        // group 1418159967 and once in the private chat with user 1418159967
        long same = Long.parseLong(GROUP);
        dm(same, "#绑定 锦江区 三圣街道社工站");
        API.awaitText("已绑定");
        int before = recordCount();
        long messageId = nextId();
        String report = "#上报 锦江区 三圣街道社工站 走访9户";

        bot.post(OneBotEvents.groupMessage(GROUP, messageId, same, "member", report, clock.instant()));
        Sent inGroup = API.awaitText("走访9户");
        bot.post(OneBotEvents.privateMessage(same, messageId, "friend", report, clock.instant()));
        Sent inPrivate = API.awaitText("走访9户");

        assertThat(recordCount()).isEqualTo(before + 2);
        assertThat(List.of(inGroup.action(), inPrivate.action())).containsExactly("send_group_msg", "send_private_msg");
        assertThat(inGroup.body().get("group_id").asLong()).isEqualTo(same);
        assertThat(inPrivate.body().get("user_id").asLong()).isEqualTo(same);
        assertThat(idIn(inGroup.text())).isNotEqualTo(idIn(inPrivate.text()));
    }

    @Test
    void handlesARedeliveredPrivateMessageOnce() throws InterruptedException {
        dm(30501, "#绑定 武侯区 玉林街道社工站");
        API.awaitText("已绑定");
        int before = recordCount();
        byte[] report = OneBotEvents.privateMessage(30501, nextId(), "friend", "#上报 走访14户", clock.instant());

        assertThat(bot.post(report).status()).isEqualTo(204);
        assertThat(bot.post(report).status()).isEqualTo(204);
        dm(30501, "#我的");

        // replies to one chat leave in order: a second confirmation would come before the
        // answer to #我的
        List<Sent> passed = new ArrayList<>();
        assertThat(API.awaitText("📋", passed).text()).contains("走访14户");
        assertThat(passed).extracting(Sent::text).filteredOn(text -> text.contains("走访14户")).hasSize(1);
        assertThat(recordCount()).isEqualTo(before + 1);
    }

    @Test
    void logsAFriendRequestForTheAccountOwnerAndLeavesItOpen() {
        WebhookClient.Answer answer = bot.post(OneBotEvents.friendRequest(30601, clock.instant()));

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
        assertThat(log.lines(Level.INFO)).singleElement()
            .asString()
            .contains("friend request from 30601")
            .contains("left to the account owner")
            .doesNotContain("我是锦江区的社工");
    }

    @Test
    void answersInPrivateOverTheReverseWebSocket() throws InterruptedException {
        napcat = dial();
        int before = recordCount();

        napcat.send(OneBotEvents.privateMessage(30701, nextId(), "friend", "#绑定 成华区 猛追湾街道社工站", clock.instant()));
        JsonNode bound = napcat.actionContaining("已绑定", new ArrayList<>());
        napcat.send(OneBotEvents.privateMessage(30701, nextId(), "group", "上报 走访22户", clock.instant()));
        JsonNode stored = napcat.actionContaining("已记录", new ArrayList<>());
        napcat.send(OneBotEvents.privateMessage(COORDINATOR, nextId(), "friend", "统计 成华区", clock.instant()));
        JsonNode stats = napcat.actionContaining("📊", new ArrayList<>());

        assertThat(List.of(bound, stored, stats)).allSatisfy(action -> {
            assertThat(action.get("action").asString()).isEqualTo("send_private_msg");
            assertThat(action.get("echo").asString()).startsWith("tallybot-");
        });
        assertThat(stored.get("params").get("user_id").asLong()).isEqualTo(30701);
        assertThat(FakeOneBot.text(stored)).contains("成华区·猛追湾街道社工站").contains("走访22户");
        assertThat(stats.get("params").get("user_id").asLong()).isEqualTo(COORDINATOR);
        assertThat(FakeOneBot.text(stats)).contains("走访22户");
        assertThat(recordCount()).isEqualTo(before + 1);
    }

    private void dm(long userId, String text) {
        assertThat(bot.post(OneBotEvents.privateMessage(userId, nextId(), "friend", text, clock.instant())).status())
            .isEqualTo(204);
    }

    private FakeOneBot dial() throws InterruptedException {
        FakeOneBot fake = new FakeOneBot();
        client.newWebSocket(new Request.Builder().url("ws://127.0.0.1:" + port + "/onebot/v11/ws")
            .header("Authorization", "Bearer " + ACCESS_TOKEN)
            .header("X-Self-ID", String.valueOf(OneBotEvents.SELF_ID))
            .build(), fake);
        return fake.awaitOpen();
    }

    /**
     * The shipped bot-config with user 20001 as the one coordinator of coordinators.yml.
     */
    static String configWithCoordinator() {
        try {
            Path dir = Files.createTempDirectory("tallybot-private-config");
            try (Stream<Path> files = Files.list(Path.of("bot-config"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            Path coordinators = dir.resolve("coordinators.yml");
            String yaml = Files.readString(coordinators, StandardCharsets.UTF_8)
                .replace("coordinators: []",
                        "coordinators:\n  - platform: onebot\n    user-id: \"" + COORDINATOR + "\"\n    name: 锦江区协调员");
            Files.writeString(coordinators, yaml, StandardCharsets.UTF_8);
            return dir.toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One action the bot called on the HTTP API. */
    record Sent(String action, JsonNode body) {

        String text() {
            if (!body.has("message")) {
                return "";
            }
            for (JsonNode segment : body.get("message")) {
                if ("text".equals(segment.get("type").asString())) {
                    return segment.get("data").get("text").asString();
                }
            }
            return "";
        }

    }

    /** The OneBot HTTP API: records each action and accepts it. */
    static final class OneBotApi extends Dispatcher {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        final MockWebServer server = TestSupport.startedMockWebServer();

        private final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();

        OneBotApi() {
            server.setDispatcher(this);
        }

        String url() {
            return server.url("/").toString();
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String body = request.getBody() == null ? "{}" : request.getBody().utf8();
            sent.add(new Sent(request.getUrl().encodedPath().substring(1), JSON.readTree(body)));
            return new MockResponse.Builder().code(200)
                .body("{\"status\":\"ok\",\"retcode\":0,\"data\":{\"message_id\":1}}")
                .build();
        }

        Sent awaitText(String wanted) throws InterruptedException {
            return awaitText(wanted, new ArrayList<>());
        }

        /**
         * The first action named {@code action}, among those passed over already or those
         * to come; the others go to {@code passed}.
         */
        Sent awaitAction(String action, List<Sent> passed) throws InterruptedException {
            for (Sent earlier : passed) {
                if (earlier.action().equals(action)) {
                    passed.remove(earlier);
                    return earlier;
                }
            }
            return await(next -> next.action().equals(action), action, passed);
        }

        /**
         * The next action whose text contains {@code wanted}; those before it go to
         * {@code passed}.
         */
        Sent awaitText(String wanted, List<Sent> passed) throws InterruptedException {
            return await(next -> next.text().contains(wanted), "action with «" + wanted + "»", passed);
        }

        private Sent await(Predicate<Sent> wanted, String what, List<Sent> passed) throws InterruptedException {
            while (true) {
                Sent next = sent.poll(10, TimeUnit.SECONDS);
                if (next == null) {
                    throw new AssertionError("no " + what + " within 10 s; passed " + passed);
                }
                if (wanted.test(next)) {
                    return next;
                }
                passed.add(next);
            }
        }

    }

}
