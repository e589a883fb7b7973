package cn.cdsw.tallybot.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The figures of a set of active records: how many reports from how many units, each
 * metric per unit, the materials total and the money value.
 */
public record Figures(long reports, long units, List<MetricTotal> metrics, long materialsTotal, BigDecimal valueYuan) {

    public Figures {
        metrics = List.copyOf(metrics);
        valueYuan = valueYuan.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The value of one metric in one unit, 0 when none was reported. */
    public long metric(String key, String unit) {
        return metrics.stream()
            .filter(m -> m.key().equals(key) && m.unit().equals(unit))
            .mapToLong(MetricTotal::value)
            .sum();
    }
}
