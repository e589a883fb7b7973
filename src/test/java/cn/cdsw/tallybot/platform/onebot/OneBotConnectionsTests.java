package cn.cdsw.tallybot.platform.onebot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.platform.UserRef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which transport {@link OneBotSender} picks: the WebSocket of the account last seen in
 * the group, else the HTTP API, else any connected account.
 */
class OneBotConnectionsTests {

    private final OneBotConnections connections = new OneBotConnections();

    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Test
    void sendsThroughTheAccountLastSeenInTheGroup() {
        OneBotWsConnection first = connection("10001");
        OneBotWsConnection second = connection("10002");
        connections.opened(first);
        connections.opened(second);
        connections.seen("639921629", "10001");

        sender(true).send(new GroupRef("onebot", "639921629"), Reply.text("好"));

        assertThat(calls).containsExactly("10001:send_group_msg");
    }

    @Test
    void answersInPrivateThroughTheAccountTheUserWroteToNotTheGroupWithTheSameNumber() {
        connections.opened(connection("10001"));
        connections.opened(connection("10002"));
        connections.seen("639921629", "10001");
        connections.seenPrivate("639921629", "10002");

        sender(true).sendPrivate(new UserRef("onebot", "639921629"), Reply.text("好"));
        sender(true).send(new GroupRef("onebot", "639921629"), Reply.text("好"));

        assertThat(calls).containsExactly("10002:send_private_msg", "10001:send_group_msg");
    }

    @Test
    void answersAUserNeverSeenOverAWebSocketThroughTheHttpApi() {
        connections.opened(connection("10001"));
        connections.seen("639921629", "10001");

        sender(true).sendPrivate(new UserRef("onebot", "639921629"), Reply.text("好"));

        assertThat(calls).containsExactly("http:send_private_msg");
    }

    @Test
    void fallsBackToTheHttpApiWhenNoAccountWasSeenInTheGroup() {
        connections.opened(connection("10001"));

        sender(true).send(new GroupRef("onebot", "639921629"), Reply.text("好"));

        assertThat(calls).containsExactly("http:send_group_msg");
    }

    @Test
    void withoutAnHttpApiTriesTheNewestConnectedAccount() {
        connections.opened(connection("10001"));
        connections.opened(connection("10002"));

        sender(false).send(new GroupRef("onebot", "639921629"), Reply.text("好"));

        assertThat(calls).containsExactly("10002:send_group_msg");
    }

    @Test
    void aReconnectedAccountTakesOverAndAClosedOneIsNeverUsed() {
        OneBotWsConnection before = connection("10001");
        connections.opened(before);
        connections.seen("639921629", "10001");
        connections.closed(before);

        assertThat(connections.forGroup("639921629")).isEmpty();
        OneBotWsConnection after = connection("10001");
        connections.opened(after);
        assertThat(connections.forGroup("639921629")).containsSame(after);
    }

    @Test
    void anEventOnlyConnectionCarriesNoActions() {
        connections.opened(new OneBotWsConnection("reverse", frame -> true, Duration.ofSeconds(1), false, "10001"));
        connections.seen("639921629", "10001");

        assertThat(connections.forGroup("639921629")).isEmpty();
        assertThat(connections.any()).isEmpty();
    }

    @Test
    void withNothingConnectedAndNoHttpApiTheSendFailsAsRetryable() {
        assertThatExceptionOfType(PlatformCallException.class)
            .isThrownBy(() -> sender(false).send(new GroupRef("onebot", "639921629"), Reply.text("好")))
            .satisfies(e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.errorCode()).isEqualTo("no_connection");
            });
    }

    private OneBotSender sender(boolean withHttp) {
        return new OneBotSender(withHttp ? (action, params) -> calls.add("http:" + action) : null, connections);
    }

    /** A connection whose implementation records each call and answers it at once. */
    private OneBotWsConnection connection(String selfId) {
        OneBotWsConnection[] self = new OneBotWsConnection[1];
        self[0] = new OneBotWsConnection("reverse", frame -> {
            JsonNode action = OneBotJson.MAPPER.readTree(frame);
            calls.add(selfId + ":" + action.get("action").asString());
            return self[0].answered(new OneBotApiResponse("ok", 0, null, null, null, action.get("echo").asString()));
        }, Duration.ofSeconds(1), true, selfId);
        return self[0];
    }

}
