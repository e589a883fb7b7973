package cn.cdsw.tallybot.platform.onebot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PerSenderOrderTests {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    private final PerSenderOrder order = new PerSenderOrder(pool);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void oneMembersEventsRunOneAtATimeInArrivalOrder() {
        PerSenderOrder.Key member = new PerSenderOrder.Key("group:1", "42");
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        for (int n = 0; n < 500; n++) {
            int event = n;
            order.execute(member, () -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                Thread.yield();
                ran.add(event);
                running.decrementAndGet();
            });
        }

        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> ran.size() == 500 && order.pending() == 0);
        assertThat(ran).containsExactlyElementsOf(IntStream.range(0, 500).boxed().toList());
        assertThat(overlaps).hasValue(0);
    }

    @Test
    void anotherMemberIsNotHeldUpByABusyOne() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        order.execute(new PerSenderOrder.Key("group:1", "42"), () -> awaitQuietly(release));
        order.execute(new PerSenderOrder.Key("group:1", "43"), otherRan::countDown);

        assertThat(otherRan.await(10, TimeUnit.SECONDS)).as("43 runs while 42 is still busy").isTrue();
        release.countDown();
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> order.pending() == 0);
    }

    @Test
    void theSameMemberInAnotherConversationIsAnotherQueue() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch privateRan = new CountDownLatch(1);
        order.execute(new PerSenderOrder.Key("group:1", "42"), () -> awaitQuietly(release));
        order.execute(new PerSenderOrder.Key("private:42", "42"), privateRan::countDown);

        assertThat(privateRan.await(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();
    }

    @Test
    void aFailingEventDoesNotStopTheMembersLaterOnes() {
        PerSenderOrder.Key member = new PerSenderOrder.Key("group:1", "42");
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        order.execute(member, () -> {
            throw new IllegalStateException("a bug in one handler");
        });
        order.execute(member, () -> ran.add("after"));

        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> ran.size() == 1 && order.pending() == 0);
        assertThat(ran).containsExactly("after");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
