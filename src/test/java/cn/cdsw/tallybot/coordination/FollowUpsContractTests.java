package cn.cdsw.tallybot.coordination;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up port's contract, run against every implementation so they cannot drift
 * apart.
 */
public abstract class FollowUpsContractTests extends CoordinationContract {

    static final String KEY = "tallybot:followup:onebot:1418159967:10001";

    protected abstract FollowUps followUps();

    @Test
    void aValueIsReadUntilTakenAndTakenOnce() {
        FollowUps followUps = followUps();
        followUps.put(KEY, "{\"draft\":1}", Duration.ofMinutes(5));

        assertThat(followUps.get(KEY)).contains("{\"draft\":1}");
        assertThat(followUps.take(KEY)).contains("{\"draft\":1}");
        assertThat(followUps.take(KEY)).isEmpty();
        assertThat(followUps.get(KEY)).isEmpty();
    }

    @Test
    void aLaterPutReplacesTheValue() {
        FollowUps followUps = followUps();
        followUps.put(KEY, "first", Duration.ofMinutes(5));
        followUps.put(KEY, "second", Duration.ofMinutes(5));

        assertThat(followUps.take(KEY)).contains("second");
    }

    @Test
    void aValueLapsesAfterItsTtl() {
        FollowUps followUps = followUps();
        followUps.put(KEY, "question", Duration.ofMillis(300));
        elapse(Duration.ofMillis(400));

        assertThat(followUps.get(KEY)).isEmpty();
        assertThat(followUps.take(KEY)).isEmpty();
    }

    @Test
    void aLaterPutGivesTheValueItsOwnTtl() {
        FollowUps followUps = followUps();
        followUps.put(KEY, "first", Duration.ofMillis(300));
        followUps.put(KEY, "second", Duration.ofMinutes(5));
        followUps.put(KEY + ":other", "brief", Duration.ofMillis(300));
        elapse(Duration.ofMillis(400));

        assertThat(followUps.get(KEY)).contains("second");
        assertThat(followUps.get(KEY + ":other")).isEmpty();
    }

    @Test
    void ofConcurrentTakersExactlyOneGetsTheValue() throws Exception {
        FollowUps followUps = followUps();
        followUps.put(KEY, "answer me", Duration.ofMinutes(5));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<String>>> takers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                takers.add(() -> followUps.take(KEY));
            }
            long winners = 0;
            for (Future<Optional<String>> taken : pool.invokeAll(takers)) {
                winners += taken.get().isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

}
