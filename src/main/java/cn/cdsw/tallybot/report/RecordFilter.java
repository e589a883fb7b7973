package cn.cdsw.tallybot.report;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Criteria of the admin API's record listing; null fields do not filter. Dates are
 * inclusive.
 */
public record RecordFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String district,
        @Nullable String unit, @Nullable RecordStatus status) {
}
