package cn.cdsw.tallybot.query;

/** The sum of one metric in one unit. */
public record MetricTotal(String key, String unit, long value) {
}
