package cn.cdsw.tallybot.query;

import java.time.LocalDate;
import java.util.List;

/**
 * Totals of a scope over a period (the admin API's totals JSON), with the items and a
 * per-district breakdown.
 */
public record Totals(LocalDate from, LocalDate to, Scope scope, Figures figures, List<ItemTotal> items,
        List<DistrictTotals> byDistrict) {

    public Totals {
        items = List.copyOf(items);
        byDistrict = List.copyOf(byDistrict);
    }
}
