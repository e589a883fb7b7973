package cn.cdsw.tallybot.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.report.RecordFilter;
import cn.cdsw.tallybot.report.RecordStatus;

/** Reads the record listing's query parameters into a {@link RecordFilter}; blank parameters do not filter. */
final class RecordQueries {

    private RecordQueries() {
    }

    static RecordFilter filter(@Nullable String from, @Nullable String to, @Nullable String district,
            @Nullable String unit, @Nullable String status) {
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new BadParameterException("from", "from " + fromDate + " is after to " + toDate);
        }
        return new RecordFilter(fromDate, toDate, blankToNull(district), blankToNull(unit), status(status));
    }

    /** The date parameter {@code name}, null when absent; a 400 naming the parameter when malformed. */
    static @Nullable LocalDate date(String name, @Nullable String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        }
        catch (DateTimeParseException ex) {
            throw new BadParameterException(name, name + " must be a date like 2026-11-28, not '" + value + "'");
        }
    }

    private static @Nullable RecordStatus status(@Nullable String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        return Arrays.stream(RecordStatus.values())
                .filter(s -> s.wireName().equals(value.trim()))
                .findFirst()
                .orElseThrow(() -> new BadParameterException("status",
                        "status must be active, retracted or superseded, not '" + value + "'"));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
