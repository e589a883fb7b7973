package cn.cdsw.tallybot.command;

import java.time.LocalDate;

/**
 * The days a period expression names, both ends inclusive, before
 * {@link PeriodExpressions} cuts it at today and labels it as a
 * {@link cn.cdsw.tallybot.query.Period}; unlike a period, it may end after today. Its own
 * type so that {@link DateRanges}, which reads the ranges among those expressions, needs
 * nothing of the class that uses it.
 */
record DateSpan(LocalDate from, LocalDate to) {

    static DateSpan day(LocalDate date) {
        return new DateSpan(date, date);
    }
}
