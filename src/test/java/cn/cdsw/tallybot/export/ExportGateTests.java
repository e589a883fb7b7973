package cn.cdsw.tallybot.export;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportGateTests {

    private static ExportGate gate(int concurrent, Duration wait) {
        return new ExportGate(new ExportProperties(50_000, 10 << 20, concurrent, wait));
    }

    @Test
    void aSecondLedgerWaitsForTheFirstAndIsToldWhenItWaitedTooLong() {
        ExportGate gate = gate(1, Duration.ofMillis(50));
        try (ExportGate.Pass first = gate.enter()) {
            assertThatThrownBy(gate::enter).isInstanceOf(ExportBusyException.class)
                .hasMessageContaining("try again shortly");
        }
        gate.enter().close();
    }

    @Test
    void aWaitingLedgerGetsItsTurnWhenTheOneBeforeItEnds() throws Exception {
        ExportGate gate = gate(1, Duration.ofSeconds(30));
        ExportGate.Pass first = gate.enter();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<ExportGate.Pass> second = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return gate.enter();
        });
        waiting.await();
        Thread.sleep(50);
        assertThat(second).isNotDone();
        first.close();
        second.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void closingAPassTwiceGivesBackOneTurn() {
        ExportGate gate = gate(2, Duration.ZERO);
        ExportGate.Pass pass = gate.enter();
        pass.close();
        pass.close();
        try (ExportGate.Pass one = gate.enter(); ExportGate.Pass two = gate.enter()) {
            assertThatThrownBy(gate::enter).isInstanceOf(ExportBusyException.class);
        }
    }

    @Test
    void settingsThatCannotWorkStopTheStart() {
        assertThatThrownBy(() -> new ExportProperties(50_000, 10 << 20, 0, Duration.ofMinutes(2)))
            .hasMessageContaining("tallybot.export.concurrent");
        assertThatThrownBy(() -> new ExportProperties(50_000, 10 << 20, 1, Duration.ofSeconds(-1)))
            .hasMessageContaining("tallybot.export.queue-wait");
    }

}
