package cn.cdsw.tallybot.query;

import java.time.LocalDate;

/**
 * One day of a daily series: one metric in one unit, and the materials total, as the
 * totals of that day alone give them.
 */
public record DayFigures(LocalDate day, long metric, long materials) {
}
