package cn.cdsw.tallybot.coordination;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.SendPacer;
import cn.cdsw.tallybot.platform.UserRef;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbound pacing's contract: never more than the limit in any window, per group, for
 * every implementation.
 */
public abstract class SendPacerContractTests extends CoordinationContract {

    static final GroupRef GROUP = new GroupRef("onebot", "1418159967");

    protected abstract SendPacer pacer(Clock clock, SendPace pace);

    SendPacer pacer(Clock clock, int limit, Duration window) {
        return pacer(clock, SendPace.uniform(limit, window));
    }

    @Test
    void theLimitGoesAtOnceAndTheRestWaitsForTheWindowToMoveOn() {
        SendPacer pacer = pacer(clock, 3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertThat(pacer.reserve(GROUP)).isZero();
        }

        assertThat(pacer.reserve(GROUP)).isEqualTo(Duration.ofMinutes(1));
        assertThat(pacer.reserve(GROUP)).isEqualTo(Duration.ofMinutes(1));
        assertThat(pacer.reserve(GROUP)).isEqualTo(Duration.ofMinutes(1));
        assertThat(pacer.reserve(GROUP)).isEqualTo(Duration.ofMinutes(2));
        clock.advance(Duration.ofSeconds(90));
        assertThat(pacer.reserve(GROUP)).as("queued behind the slots already given out")
            .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void groupsArePacedApart() {
        SendPacer pacer = pacer(clock, 1, Duration.ofMinutes(1));

        assertThat(pacer.reserve(GROUP)).isZero();
        assertThat(pacer.reserve(new GroupRef("onebot", "639921629"))).isZero();
        assertThat(pacer.reserve(new GroupRef("wecom", GROUP.groupId()))).isZero();
        assertThat(pacer.reserve(GROUP)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aPrivateChatIsPacedApartFromTheGroupWithTheSameNumber() {
        SendPacer pacer = pacer(clock, 1, Duration.ofMinutes(1));
        UserRef user = new UserRef("onebot", GROUP.groupId());

        assertThat(pacer.reserve(GROUP)).isZero();
        assertThat(pacer.reserve(user)).isZero();
        assertThat(pacer.reserve(user)).isEqualTo(Duration.ofMinutes(1));
        assertThat(pacer.reserve(GROUP)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void spreadSendsNeverWait() {
        SendPacer pacer = pacer(clock, 2, Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            assertThat(pacer.reserve(GROUP)).isZero();
            clock.advance(Duration.ofSeconds(30));
        }
    }

    @Test
    void slotsFarAheadOfAClockThatWentBackAreDropped() {
        SendPacer pacer = pacer(clock, 1, Duration.ofMinutes(1));
        pacer.reserve(GROUP);
        pacer.reserve(GROUP);
        clock.advance(Duration.ofDays(-8));

        assertThat(pacer.reserve(GROUP)).isZero();
    }

    @Test
    void everyRateOfThePlatformHoldsAtOnce() {
        SendPace pace = new SendPace(Map.of("onebot", SendPace.parse("2/2s, 4/1m")), SendPace.parse("20/1m"));
        SendPacer pacer = pacer(clock, pace);

        assertThat(pacer.reserve(GROUP)).as("the burst").isZero();
        assertThat(pacer.reserve(GROUP)).isZero();
        assertThat(pacer.reserve(GROUP)).as("then one a second").isEqualTo(Duration.ofSeconds(2));
        assertThat(pacer.reserve(GROUP)).isEqualTo(Duration.ofSeconds(2));
        assertThat(pacer.reserve(GROUP)).as("until the minute is full").isEqualTo(Duration.ofMinutes(1));
        assertThat(pacer.reserve(new GroupRef("wecom", "ww-group"))).as("another platform's pace").isZero();
    }

    @Test
    void aPlatformWithoutAPaceOfItsOwnUsesTheFallback() {
        SendPacer pacer = pacer(clock, new SendPace(Map.of("onebot", SendPace.parse("1/1s")), SendPace.parse("2/1m")));
        GroupRef wecom = new GroupRef("wecom", "ww-group");

        assertThat(pacer.reserve(wecom)).isZero();
        assertThat(pacer.reserve(wecom)).isZero();
        assertThat(pacer.reserve(wecom)).isEqualTo(Duration.ofMinutes(1));
        assertThat(pacer.reserve(GROUP)).isZero();
        assertThat(pacer.reserve(GROUP)).isEqualTo(Duration.ofSeconds(1));
    }

}
