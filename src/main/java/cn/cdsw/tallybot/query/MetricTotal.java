package cn.cdsw.tallybot.query;

/**
 * The sum of one metric in one unit. {@code approx} is true when at least one figure
 * behind it was written as an approximation (300余户): the sum is then only approximate
 * too, and is shown with 约 (docs/domain.md §2).
 */
public record MetricTotal(String key, String unit, long value, boolean approx) {
}
