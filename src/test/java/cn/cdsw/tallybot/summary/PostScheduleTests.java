package cn.cdsw.tallybot.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Instants are UTC; Asia/Shanghai is UTC+8, so 12:00Z is 20:00 local. */
class PostScheduleTests {

    private final PostSchedule schedule = new PostSchedule(ZoneId.of("Asia/Shanghai"), LocalTime.of(20, 0),
            Duration.ofMinutes(10));

    @ParameterizedTest(name = "{0} → due {1}, catch-up {2}")
    @CsvSource({
            // before the post time the latest summary owed is yesterday's, and posting it
            // now is 补发
            "2026-11-28T11:59:59Z, 2026-11-27, true",
            // the post time itself and the on-time window: today's normal post
            "2026-11-28T12:00:00Z, 2026-11-28, false", "2026-11-28T12:10:00Z, 2026-11-28, false",
            // later the same evening: 补发 of today
            "2026-11-28T12:10:01Z, 2026-11-28, true", "2026-11-28T14:30:00Z, 2026-11-28, true",
            // local midnight is 16:00Z: still the 28th's post until the 29th's post time
            "2026-11-28T15:59:59Z, 2026-11-28, true", "2026-11-28T16:00:00Z, 2026-11-28, true",
            "2026-11-28T23:00:00Z, 2026-11-28, true",
            // UTC midnight is 08:00 local: nothing changes there
            "2026-11-29T00:00:00Z, 2026-11-28, true", "2026-11-29T12:00:00Z, 2026-11-29, false",
            // year end
            "2026-12-31T16:30:00Z, 2026-12-31, true", "2027-01-01T12:05:00Z, 2027-01-01, false" })
    void dueDateAndCatchUpInShanghai(Instant now, LocalDate due, boolean catchUp) {
        assertThat(schedule.dueDate(now)).isEqualTo(due);
        assertThat(schedule.isCatchUp(due, now)).isEqualTo(catchUp);
    }

    @Test
    void postTimeIsTheLocalTimeInTheConfiguredZone() {
        assertThat(schedule.postTime(LocalDate.of(2026, 11, 28))).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
    }

    @Test
    void anEarlyMorningPostTimeKeepsTheLocalCalendar() {
        PostSchedule early = new PostSchedule(ZoneId.of("Asia/Shanghai"), LocalTime.of(6, 30), Duration.ofMinutes(10));

        // 22:25Z on the 27th is 06:25 on the 28th in Shanghai
        assertThat(early.dueDate(Instant.parse("2026-11-27T22:25:00Z"))).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(early.dueDate(Instant.parse("2026-11-27T22:30:00Z"))).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @Test
    void aBotInstalledAfterThePostTimeOwesNoCatchUpForThatDay() {
        Instant installed = Instant.parse("2026-11-28T15:00:00Z");
        PostSchedule fresh = new PostSchedule(ZoneId.of("Asia/Shanghai"), LocalTime.of(20, 0), Duration.ofMinutes(10),
                installed);

        assertThat(fresh.owed(LocalDate.of(2026, 11, 28))).isFalse();
        assertThat(fresh.owed(LocalDate.of(2026, 11, 29))).isTrue();
    }

    @Test
    void aBotInstalledBeforeThePostTimeOwesThatDay() {
        PostSchedule running = new PostSchedule(ZoneId.of("Asia/Shanghai"), LocalTime.of(20, 0), Duration.ofMinutes(10),
                Instant.parse("2026-11-28T04:00:00Z"));

        assertThat(running.owed(LocalDate.of(2026, 11, 28))).isTrue();
        assertThat(running.owed(LocalDate.of(2026, 11, 27))).isFalse();
    }

}
