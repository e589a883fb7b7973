package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import okhttp3.OkHttpClient;
import okhttp3.Request;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

import cn.cdsw.tallybot.testing.FakeOneBot;
import cn.cdsw.tallybot.testing.LogCapture;

/**
 * The reverse WebSocket end to end: a fake NapCat dials {@code /onebot/v11/ws} of the
 * running bot with the access token, sends group messages as text frames and answers the
 * bot's {@code send_group_msg} frames by their echo. The webhook is on as well
 * ({@code mode: http,ws-reverse}), as during a move from one to the other, so one message
 * can arrive both ways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneBotReverseWebSocketIntegrationTests extends WebhookTestBase {

    static final String ACCESS_TOKEN = "ws-access-token";

    static final String SELF_ID = String.valueOf(OneBotEvents.SELF_ID);

    @DynamicPropertySource
    static void webSocketProperties(DynamicPropertyRegistry registry) {
        registry.add("tallybot.onebot.mode", () -> "http,ws-reverse");
        registry.add("tallybot.onebot.access-token", () -> ACCESS_TOKEN);
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
    void answersAGroupMessageWithASendGroupMsgFrameOverTheSameConnection() throws InterruptedException {
        napcat = dial("/onebot/v11/ws", "Bearer " + ACCESS_TOKEN);
        int before = recordCount();

        napcat.send(
                OneBotEvents.groupMessage(GROUP, nextId(), 30001, "member", "#上报 锦江区 三圣街道社工站 走访12户", clock.instant()));

        JsonNode action = napcat.actionContaining("走访12户", new ArrayList<>());
        assertThat(action.get("action").asString()).isEqualTo("send_group_msg");
        assertThat(action.get("echo").asString()).startsWith("tallybot-");
        assertThat(action.get("params").get("group_id").asLong()).isEqualTo(Long.parseLong(GROUP));
        assertThat(FakeOneBot.text(action)).contains("已记录").contains("走访12户");
        assertThat(recordCount()).isEqualTo(before + 1);
    }

    @Test
    void takesTheTokenFromTheQueryAndTheSplitApiAndEventPaths() throws InterruptedException {
        FakeOneBot api = dial("/onebot/v11/ws/api?access_token=" + ACCESS_TOKEN, null);
        napcat = dial("/onebot/v11/ws/event", "Bearer " + ACCESS_TOKEN);

        napcat
            .send(OneBotEvents.groupMessage(GROUP, nextId(), 30001, "member", "#上报 锦江区 三圣街道社工站 走访5户", clock.instant()));

        assertThat(FakeOneBot.text(api.actionContaining("走访5户", new ArrayList<>()))).contains("已记录");
        api.drop();
        api.awaitEnd();
    }

    @Test
    void refusesAWrongOrMissingTokenAtTheHandshakeWith401() throws InterruptedException {
        FakeOneBot wrong = dial("/onebot/v11/ws", "Bearer not-the-token");
        FakeOneBot missing = dial("/onebot/v11/ws", null);

        assertThat(wrong.refusedWith()).isEqualTo(401);
        assertThat(missing.refusedWith()).isEqualTo(401);
        assertThat(log.warnings()).singleElement()
            .asString()
            .startsWith("OneBot WebSocket from 127.0.0.1 refused: access token missing or wrong");
    }

    @Test
    void aConnectionDroppedAndRestoredMidConversationHandlesNothingTwice() throws InterruptedException {
        int before = recordCount();
        long first = nextId();
        byte[] report = OneBotEvents.groupMessage(GROUP, first, 30002, "member", "#上报 锦江区 三圣街道社工站 走访7户",
                clock.instant());
        FakeOneBot hanging = dial("/onebot/v11/ws", "Bearer " + ACCESS_TOKEN).silent();
        hanging.send(report);
        assertThat(FakeOneBot.text(hanging.nextAction())).contains("走访7户");

        // NapCat restarts before it answers: the call in flight fails, and NapCat dials
        // again and sends the message once more
        hanging.drop();
        assertThat(hanging.awaitEnd()).isTrue();
        napcat = dial("/onebot/v11/ws", "Bearer " + ACCESS_TOKEN);
        napcat.send(report);
        napcat
            .send(OneBotEvents.groupMessage(GROUP, nextId(), 30002, "member", "#上报 锦江区 三圣街道社工站 走访8户", clock.instant()));

        // the copy of the first message is stored once; its reply, lost with the first
        // connection, is delivered over the new one once, before the second's
        List<String> passed = new ArrayList<>();
        assertThat(FakeOneBot.text(napcat.actionContaining("走访8户", passed))).contains("已记录");
        assertThat(passed.stream().filter(text -> text.contains("走访7户"))).hasSize(1);
        assertThat(recordCount()).isEqualTo(before + 2);
    }

    @Test
    void aMessageArrivingOverHttpAndWebSocketIsHandledAndAnsweredOnce() throws InterruptedException {
        napcat = dial("/onebot/v11/ws", "Bearer " + ACCESS_TOKEN);
        int before = recordCount();
        byte[] overHttpFirst = OneBotEvents.groupMessage(GROUP, nextId(), 30003, "member", "#上报 锦江区 三圣街道社工站 走访3户",
                clock.instant());
        byte[] overWebSocketFirst = OneBotEvents.groupMessage(GROUP, nextId(), 30003, "member", "#上报 锦江区 三圣街道社工站 走访4户",
                clock.instant());

        // with a WebSocket on, every reply leaves through the API, so the webhook's
        // answer
        // carries none and the reply comes over the socket
        assertThat(bot.post(overHttpFirst).replyText()).isNull();
        napcat.send(overHttpFirst);
        napcat.send(overWebSocketFirst);
        List<String> passed = new ArrayList<>();
        assertThat(FakeOneBot.text(napcat.actionContaining("走访4户", passed))).contains("已记录");
        assertThat(passed.stream().filter(text -> text.contains("走访3户"))).hasSize(1);
        WebhookClient.Answer late = bot.post(overWebSocketFirst);

        assertThat(late.status()).isEqualTo(204);
        assertThat(recordCount()).isEqualTo(before + 2);
    }

    private FakeOneBot dial(String pathAndQuery, @Nullable String authorization) throws InterruptedException {
        Request.Builder request = new Request.Builder().url("ws://127.0.0.1:" + port + pathAndQuery)
            .header("X-Self-ID", SELF_ID)
            .header("X-Client-Role", "Universal")
            .header("User-Agent", "OneBot/11");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        FakeOneBot fake = new FakeOneBot();
        client.newWebSocket(request.build(), fake);
        return fake.awaitOpen();
    }

}
