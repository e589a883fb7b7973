package cn.cdsw.tallybot.api;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.cdsw.tallybot.query.DistrictTotals;
import cn.cdsw.tallybot.query.Figures;
import cn.cdsw.tallybot.query.ItemTotal;
import cn.cdsw.tallybot.query.MetricTotal;
import cn.cdsw.tallybot.query.Totals;
import cn.cdsw.tallybot.report.Decimals;

/** The totals JSON (docs/api.md §3); field names are part of the contract. */
record TotalsJson(@JsonProperty("from") String from, @JsonProperty("to") String to, @JsonProperty("scope") String scope,
        @JsonProperty("reports") long reports, @JsonProperty("units") long units,
        @JsonProperty("metrics") List<MetricJson> metrics, @JsonProperty("materials_total") long materialsTotal,
        @JsonProperty("value_yuan") BigDecimal valueYuan, @JsonProperty("items") List<ItemJson> items,
        @JsonProperty("by_district") List<DistrictJson> byDistrict) {

    static TotalsJson of(Totals totals) {
        Figures f = totals.figures();
        return new TotalsJson(totals.from().toString(), totals.to().toString(), totals.scope().label(), f.reports(),
                f.units(), metrics(f), f.materialsTotal(), Decimals.canonical(f.valueYuan()),
                totals.items().stream().map(ItemJson::of).toList(),
                totals.byDistrict().stream().map(DistrictJson::of).toList());
    }

    private static List<MetricJson> metrics(Figures figures) {
        return figures.metrics().stream().map(MetricJson::of).toList();
    }

    /**
     * {@code approx} is true when a figure behind the sum was approximate (300余户), so the
     * sum is only approximate too; an export reads it to print 约.
     */
    record MetricJson(@JsonProperty("key") String key, @JsonProperty("unit") String unit,
            @JsonProperty("value") long value, @JsonProperty("approx") boolean approx) {

        static MetricJson of(MetricTotal m) {
            return new MetricJson(m.key(), m.unit(), m.value(), m.approx());
        }
    }

    record ItemJson(@JsonProperty("name") String name, @JsonProperty("unit") String unit,
            @JsonProperty("quantity") long quantity, @JsonProperty("approx") boolean approx) {

        static ItemJson of(ItemTotal i) {
            return new ItemJson(i.name(), i.unit(), i.quantity(), i.approx());
        }
    }

    record DistrictJson(@JsonProperty("district") String district, @JsonProperty("reports") long reports,
            @JsonProperty("units") long units, @JsonProperty("metrics") List<MetricJson> metrics,
            @JsonProperty("materials_total") long materialsTotal, @JsonProperty("value_yuan") BigDecimal valueYuan) {

        static DistrictJson of(DistrictTotals d) {
            Figures f = d.figures();
            return new DistrictJson(d.district(), f.reports(), f.units(), TotalsJson.metrics(f), f.materialsTotal(),
                    Decimals.canonical(f.valueYuan()));
        }
    }
}
