package cn.cdsw.tallybot.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.ReportContent;

/**
 * The fields a report message gave; null means "not written". {@code explicitTotal} is a
 * written 物资合计 or 物资N件.
 */
public record ReportDraft(@Nullable String district, @Nullable String unit, @Nullable String category,
        @Nullable LocalDate activityDate, List<Metric> metrics, List<Item> items, @Nullable Long explicitTotal,
        @Nullable BigDecimal valueYuan, @Nullable String note) {

    public ReportDraft {
        metrics = List.copyOf(metrics);
        items = List.copyOf(items);
    }

    public boolean hasFigures() {
        return !metrics.isEmpty() || !items.isEmpty() || explicitTotal != null || valueYuan != null;
    }

    /**
     * Materials total (docs/domain.md §4): the explicit 合计 wins, else the sum of the
     * items, else null.
     */
    public @Nullable Long materialsTotal() {
        if (explicitTotal != null) {
            return explicitTotal;
        }
        if (items.isEmpty()) {
            return null;
        }
        return items.stream().mapToLong(Item::quantity).sum();
    }

    /**
     * The draft with its place; either may still be unknown while a prose report waits
     * for its district.
     */
    public ReportDraft withPlace(@Nullable String district, @Nullable String unit) {
        return new ReportDraft(district, unit, category, activityDate, metrics, items, explicitTotal, valueYuan, note);
    }

    /** The record content, once district, unit and date are known. */
    public ReportContent toContent() {
        if (district == null || unit == null || activityDate == null) {
            throw new IllegalStateException("district, unit and date must be known before storing");
        }
        return new ReportContent(district, unit, category, activityDate, metrics, items, materialsTotal(), valueYuan,
                note);
    }
}
