package cn.cdsw.tallybot.query;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A span of local dates, both ends inclusive, with the words the user wrote for it (今天,
 * 本周, 11月) so replies can echo them.
 * <p>
 * It also owns the dates any query may name, in the chat and over the admin API alike:
 * from {@link #EARLIEST} to a year after today ({@link #latest}). No station reported
 * anything before 2000 or a year ahead; a date far outside is a typo or a probe, and it
 * has a cost, since totals cover their range one rollup period at a time.
 */
public record Period(LocalDate from, LocalDate to, String label) {

    /** The first day a query may name. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(label, "label");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + ".." + to);
        }
    }

    public static Period day(LocalDate date, String label) {
        return new Period(date, date, label);
    }

    /** The last day a query may name, when it is {@code today}. */
    public static LocalDate latest(LocalDate today) {
        return today.plusYears(1);
    }

    /** Whether a query may name {@code day} when it is {@code today}. */
    public static boolean allows(LocalDate day, LocalDate today) {
        return !day.isBefore(EARLIEST) && !day.isAfter(latest(today));
    }
}
