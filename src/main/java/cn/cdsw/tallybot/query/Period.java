package cn.cdsw.tallybot.query;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A span of local dates, both ends inclusive, with the words the user wrote for it (今天,
 * 本周, 11月) so replies can echo them.
 */
public record Period(LocalDate from, LocalDate to, String label) {
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
}
