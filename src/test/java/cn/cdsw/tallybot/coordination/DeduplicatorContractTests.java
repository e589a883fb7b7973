package cn.cdsw.tallybot.coordination;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The de-dup port's contract, run against every implementation so they cannot drift
 * apart.
 */
public abstract class DeduplicatorContractTests extends CoordinationContract {

    protected abstract Deduplicator deduplicator();

    @Test
    void onlyTheFirstDeliveryOfAKeyIsFirst() {
        Deduplicator dedup = deduplicator();

        assertThat(dedup.firstDelivery("tallybot:dedup:onebot:1:5501", Duration.ofMinutes(10))).isTrue();
        assertThat(dedup.firstDelivery("tallybot:dedup:onebot:1:5501", Duration.ofMinutes(10))).isFalse();
        assertThat(dedup.firstDelivery("tallybot:dedup:onebot:1:5502", Duration.ofMinutes(10))).isTrue();
        assertThat(dedup.firstDelivery("tallybot:dedup:onebot:2:5501", Duration.ofMinutes(10))).isTrue();
    }

    @Test
    void aKeyIsFirstAgainOnceItsTtlHasPassed() {
        Deduplicator dedup = deduplicator();
        Duration ttl = Duration.ofMillis(300);

        assertThat(dedup.firstDelivery("tallybot:dedup:onebot:1:7", ttl)).isTrue();
        elapse(ttl.plusMillis(100));

        assertThat(dedup.firstDelivery("tallybot:dedup:onebot:1:7", ttl)).isTrue();
    }

    @Test
    void eachKeyKeepsTheTtlItWasGiven() {
        Deduplicator dedup = deduplicator();
        assertThat(dedup.firstDelivery("tallybot:dedup:onebot:1:short", Duration.ofMillis(300))).isTrue();
        assertThat(dedup.firstDelivery("tallybot:dedup:onebot:1:long", Duration.ofMinutes(10))).isTrue();
        elapse(Duration.ofMillis(400));

        assertThat(dedup.firstDelivery("tallybot:dedup:onebot:1:short", Duration.ofMinutes(10))).isTrue();
        assertThat(dedup.firstDelivery("tallybot:dedup:onebot:1:long", Duration.ofMinutes(10))).isFalse();
    }

}
