package cn.cdsw.tallybot.summary;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Turns district bars into the two panels' data: visits with one series per unit, and
 * materials. The series names are the legend's labels, so the caller words them.
 */
final class SummaryDatasets {

    private SummaryDatasets() {
    }

    /**
     * One series per visit unit, in the order units first appear. Every district is added
     * as a column of every series (null where it has no figure) so both panels list the
     * districts in the caller's order; a district that only reported materials would
     * otherwise be appended after the others.
     */
    static DefaultCategoryDataset visits(List<DistrictBar> bars, UnaryOperator<String> seriesOfUnit) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String unit : units(bars)) {
            for (DistrictBar bar : bars) {
                Long count = bar.visitsByUnit().get(unit);
                data.addValue(count == null || count == 0 ? null : count, seriesOfUnit.apply(unit), bar.district());
            }
        }
        return data;
    }

    static DefaultCategoryDataset materials(List<DistrictBar> bars, String series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (DistrictBar bar : bars) {
            data.addValue(bar.materials() == 0 ? null : (Long) bar.materials(), series, bar.district());
        }
        return data;
    }

    /**
     * Units with at least one visit; a unit reported only as zero would be an empty
     * legend entry.
     */
    private static Set<String> units(List<DistrictBar> bars) {
        Set<String> units = new LinkedHashSet<>();
        for (DistrictBar bar : bars) {
            bar.visitsByUnit().forEach((unit, count) -> {
                if (count > 0) {
                    units.add(unit);
                }
            });
        }
        return units;
    }

}
