package cn.cdsw.tallybot.platform.onebot;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import cn.cdsw.tallybot.platform.PlatformCallException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OneBotWsConnectionTests {

    private final LinkedBlockingQueue<String> sent = new LinkedBlockingQueue<>();

    private final OneBotWsConnection connection = new OneBotWsConnection("reverse", sent::add, Duration.ofSeconds(10),
            true, "10001000");

    @Test
    void sendsAnActionFrameAndReturnsWhenItsEchoComesBackOk() throws Exception {
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> connection.call("send_group_msg",
                new OneBotSender.SendGroupMsg(1418159967L, java.util.List.of(OneBotSegment.text("好")), false)));
        JsonNode frame = OneBotJson.MAPPER.readTree(sent.poll(10, TimeUnit.SECONDS));

        assertThat(frame.get("action").asString()).isEqualTo("send_group_msg");
        assertThat(frame.get("params").toString())
            .isEqualTo("{\"group_id\":1418159967,\"message\":[{\"type\":\"text\",\"data\":{\"text\":\"好\"}}],"
                    + "\"auto_escape\":false}");
        assertThat(connection.answered(answer("ok", 0, "someone-else"))).isFalse();
        assertThat(call).isNotDone();
        assertThat(connection.answered(answer("ok", 0, frame.get("echo").asString()))).isTrue();
        call.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFailedAnswerIsNotRetryable() throws Exception {
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> connection.call("send_group_msg", "{}"));
        String echo = OneBotJson.MAPPER.readTree(sent.poll(10, TimeUnit.SECONDS)).get("echo").asString();

        connection.answered(answer("failed", 1404, echo));

        assertThat(call).failsWithin(Duration.ofSeconds(10))
            .withThrowableThat()
            .havingCause()
            .isInstanceOfSatisfying(PlatformCallException.class, e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.errorCode()).isEqualTo("1404");
            });
    }

    @Test
    void aCallWithoutAnswerTimesOutAsRetryable() {
        OneBotWsConnection slow = new OneBotWsConnection("forward", sent::add, Duration.ofMillis(50), true, null);

        assertThatExceptionOfType(PlatformCallException.class).isThrownBy(() -> slow.call("send_group_msg", "{}"))
            .satisfies(e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.errorCode()).isEqualTo("timeout");
            });
    }

    @Test
    void closingFailsTheCallsInFlightAndRefusesNewOnes() throws Exception {
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> connection.call("send_group_msg", "{}"));
        sent.poll(10, TimeUnit.SECONDS);

        connection.closed();

        assertThat(call).failsWithin(Duration.ofSeconds(10))
            .withThrowableThat()
            .havingCause()
            .isInstanceOfSatisfying(PlatformCallException.class, e -> assertThat(e.errorCode()).isEqualTo("closed"));
        assertThatExceptionOfType(PlatformCallException.class).isThrownBy(() -> connection.call("send_group_msg", "{}"))
            .satisfies(e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void aFrameTheWireRefusesFailsAtOnce() {
        OneBotWsConnection broken = new OneBotWsConnection("forward", frame -> false, Duration.ofSeconds(10), true,
                null);

        assertThatExceptionOfType(PlatformCallException.class).isThrownBy(() -> broken.call("send_group_msg", "{}"))
            .satisfies(e -> assertThat(e.errorCode()).isEqualTo("closed"));
    }

    private static OneBotApiResponse answer(String status, int retcode, String echo) {
        return new OneBotApiResponse(status, retcode, null, null, null, echo);
    }

}
