package cn.cdsw.tallybot.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The hand-off between the ledger's reading and its writing thread. */
class HandOffTests {

    @Test
    void everyElementReachesTheConsumerOnceInOrderOnItsOwnThread() {
        List<Integer> taken = new ArrayList<>();
        AtomicReference<Thread> consumer = new AtomicReference<>();
        int count = HandOff.BATCH * 3 + 17;
        try (HandOff<Integer> handOff = new HandOff<>("test-writer", i -> {
            consumer.set(Thread.currentThread());
            taken.add(i);
        })) {
            for (int i = 0; i < count; i++) {
                handOff.accept(i);
            }
            handOff.finish();
        }
        assertThat(taken).hasSize(count).isSorted().doesNotHaveDuplicates();
        assertThat(consumer.get()).isNotSameAs(Thread.currentThread());
        assertThat(consumer.get().isAlive()).isFalse();
    }

    @Test
    void whatTheConsumerThrowsIsThrownToTheCaller() {
        IllegalStateException broken = new IllegalStateException("disk full");
        try (HandOff<Integer> handOff = new HandOff<>("test-writer", i -> {
            if (i == 3) {
                throw broken;
            }
        })) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < HandOff.BATCH * (HandOff.BATCHES + 3); i++) {
                    handOff.accept(i);
                }
                handOff.finish();
            }).isSameAs(broken);
        }
    }

    @Test
    void aReaderAheadOfTheWriterWaitsWithAFewBatchesInBetween() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handed = new AtomicInteger();
        try (HandOff<Integer> handOff = new HandOff<>("test-writer", i -> await(release))) {
            Thread reader = new Thread(() -> {
                for (int i = 0; i < HandOff.BATCH * 100; i++) {
                    handOff.accept(i);
                    handed.incrementAndGet();
                }
                handOff.finish();
            });
            reader.start();
            long bound = (long) HandOff.BATCH * (HandOff.BATCHES + 2);
            waitUntilStill(handed);
            assertThat(handed.get()).isLessThanOrEqualTo((int) bound).isGreaterThan(HandOff.BATCH * HandOff.BATCHES);
            release.countDown();
            reader.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(handed.get()).isEqualTo(HandOff.BATCH * 100);
        }
    }

    @Test
    void closingWithoutFinishingStopsTheConsumer() {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Thread> consumer = new AtomicReference<>();
        HandOff<Integer> handOff = new HandOff<>("test-writer", i -> {
            consumer.set(Thread.currentThread());
            started.countDown();
            await(never);
        });
        for (int i = 0; i < HandOff.BATCH; i++) {
            handOff.accept(i);
        }
        await(started);
        handOff.close();
        assertThat(consumer.get().isAlive()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped", e);
        }
    }

    /** Waits until the count has moved and stopped: the reader is blocked. */
    private static void waitUntilStill(AtomicInteger count) throws InterruptedException {
        int last = -1;
        while (count.get() == 0 || count.get() != last) {
            last = count.get();
            Thread.sleep(200);
        }
    }

}
