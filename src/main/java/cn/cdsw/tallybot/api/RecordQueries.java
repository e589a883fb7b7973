package cn.cdsw.tallybot.api;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.report.RecordFilter;
import cn.cdsw.tallybot.report.RecordStatus;

/**
 * The record listing's query parameters, bound by Spring MVC, as a {@link RecordFilter}:
 * what binding cannot check on one parameter alone (a range that ends before it starts),
 * and blank text that does not filter.
 */
final class RecordQueries {

    private RecordQueries() {
    }

    static RecordFilter filter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String district,
            @Nullable String unit, @Nullable RecordStatus status) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadParameterException("from", "from " + from + " is after to " + to);
        }
        return new RecordFilter(from, to, blankToNull(district), blankToNull(unit), status);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
