package cn.cdsw.tallybot.summary;

import java.time.LocalDate;

/**
 * Composes the weekly (周报) or monthly (月报) report of the period starting on {@code start}
 * from the stored records (docs/daily-summary.md §10).
 */
@FunctionalInterface
public interface PeriodComposer {

    DailySummary compose(PostKind kind, LocalDate start, boolean catchUp);

}
