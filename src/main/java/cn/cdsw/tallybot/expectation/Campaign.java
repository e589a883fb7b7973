package cn.cdsw.tallybot.expectation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A coordinator's 催报 setting: daily reports expected ({@code on}) or not, in one district
 * or the whole city ({@code district} null), from a day to a day or open-ended
 * ({@code to} null). Of the campaigns covering a district on a day, the one set last
 * decides (docs/reminders.md §3).
 */
public record Campaign(long id, @Nullable String district, LocalDate from, @Nullable LocalDate to, boolean on,
        String setByPlatform, String setById, String setByName, Instant setAt) {

    public Campaign {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(setByPlatform, "setByPlatform");
        Objects.requireNonNull(setById, "setById");
        Objects.requireNonNull(setByName, "setByName");
        Objects.requireNonNull(setAt, "setAt");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("campaign ends before it starts: " + from + ".." + to);
        }
    }

    /** Whether this campaign speaks for {@code district} on {@code date}. */
    public boolean covers(String district, LocalDate date) {
        return (this.district == null || this.district.equals(district)) && !date.isBefore(from)
                && (to == null || !date.isAfter(to));
    }

    /** Whether it still matters on or after {@code today}. */
    public boolean currentOn(LocalDate today) {
        return to == null || !to.isBefore(today);
    }

}
