package cn.cdsw.tallybot.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a report says, independent of where it came from: the fields of an activity record
 * that a user types (docs/domain.md §1). {@code materialsTotal} is the explicit 合计 if
 * given, else the sum of the items, else null. {@code valueYuan} has at most two decimals
 * (fen).
 */
public record ReportContent(String district, String unit, @Nullable String category, LocalDate activityDate,
        List<Metric> metrics, List<Item> items, @Nullable Long materialsTotal, @Nullable BigDecimal valueYuan,
        @Nullable String note) {

    public ReportContent {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(activityDate, "activityDate");
        metrics = List.copyOf(metrics);
        items = List.copyOf(items);
        if (materialsTotal != null && materialsTotal < 0) {
            throw new IllegalArgumentException("materials total is negative");
        }
        if (valueYuan != null && (valueYuan.signum() < 0 || valueYuan.stripTrailingZeros().scale() > 2)) {
            throw new IllegalArgumentException("value must be a non-negative amount in yuan with at most 2 decimals");
        }
    }
}
