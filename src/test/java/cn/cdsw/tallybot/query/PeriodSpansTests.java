package cn.cdsw.tallybot.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.report.RollupSpan;

/**
 * A date range is covered by months, dekads and days exactly once each, with the fewest
 * rollup periods.
 */
class PeriodSpansTests {

    @Test
    void coversAYearWithMonthsDekadsAndDays() {
        assertThat(PeriodSpans.cover(LocalDate.of(2025, 11, 29), LocalDate.of(2026, 11, 28))).containsExactly(
                new PeriodSpans.Range("D", "2025-11-29", "2025-11-30"),
                new PeriodSpans.Range("M", "2025-12", "2026-10"), new PeriodSpans.Range("T", "2026-11-1", "2026-11-2"),
                new PeriodSpans.Range("D", "2026-11-21", "2026-11-28"));
    }

    @Test
    void refusesARangeOfMoreThanAHundredYearsRatherThanWalkingIt() {
        assertThat(PeriodSpans.cover(LocalDate.of(1926, 11, 28), LocalDate.of(2026, 11, 28))).isNotEmpty();
        assertThatThrownBy(() -> PeriodSpans.cover(LocalDate.of(1926, 11, 27), LocalDate.of(2026, 11, 28)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("more than 100 years");
        assertThatThrownBy(() -> PeriodSpans.cover(LocalDate.MIN, LocalDate.of(2026, 1, 1)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesTheLastDekadToTheMonthsEnd() {
        assertThat(PeriodSpans.cover(LocalDate.of(2026, 2, 21), LocalDate.of(2026, 2, 28)))
            .containsExactly(new PeriodSpans.Range("T", "2026-02-3", "2026-02-3"));
        assertThat(RollupSpan.DEKAD.period(LocalDate.of(2026, 1, 31))).isEqualTo("2026-01-3");
    }

    @Property(tries = 300)
    void coversEveryDayOnce(@ForAll @IntRange(min = 0, max = 800) int start, @ForAll @IntRange(max = 400) int length) {
        LocalDate from = LocalDate.of(2025, 1, 1).plusDays(start);
        LocalDate to = from.plusDays(length);
        List<LocalDate> covered = new ArrayList<>();
        for (PeriodSpans.Range range : PeriodSpans.cover(from, to)) {
            for (LocalDate day = from.minusDays(40); !day.isAfter(to.plusDays(40)); day = day.plusDays(1)) {
                String key = switch (range.span()) {
                    case "M" -> RollupSpan.MONTH.period(day);
                    case "T" -> RollupSpan.DEKAD.period(day);
                    default -> RollupSpan.DAY.period(day);
                };
                if (key.compareTo(range.from()) >= 0 && key.compareTo(range.to()) <= 0) {
                    covered.add(day);
                }
            }
        }
        assertThat(covered).doesNotHaveDuplicates()
            .hasSize(length + 1)
            .allMatch(d -> !d.isBefore(from) && !d.isAfter(to));
    }

}
