package cn.cdsw.tallybot.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the chart shows, before any drawing: the districts in display order and one panel
 * per unit. Visits are charted in one unit only, the main unit (the one with the largest
 * total, usually 户), because 户 and 人次 on one axis would invite adding them; the visits in
 * other units are city totals for the legend line. Materials in 件 are the second panel.
 * Every district the caller passes is shown, a district without figures as zero.
 *
 * @param districts in display order
 * @param panels one per unit, each with a value for every district
 * @param otherVisits the visits in units other than the main one, city totals by unit
 * (for the legend line), in the order units first appear
 */
record ChartModel(List<String> districts, List<Panel> panels, Map<String, Long> otherVisits) {

    /**
     * One panel: one axis, one unit.
     *
     * @param kind visits or materials
     * @param unit the one unit of every value on this panel
     * @param values per district, zero for a district without the figure
     */
    record Panel(Kind kind, String unit, Map<String, Long> values) {

        Panel {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        long total() {
            return values.values().stream().mapToLong(Long::longValue).sum();
        }

    }

    enum Kind {

        VISITS, MATERIALS

    }

    ChartModel {
        districts = List.copyOf(districts);
        panels = List.copyOf(panels);
        otherVisits = Collections.unmodifiableMap(new LinkedHashMap<>(otherVisits));
    }

    /**
     * True when nothing at all was reported: the chart says so instead of drawing zeros.
     */
    boolean empty() {
        return panels.stream().allMatch(p -> p.total() == 0) && otherVisits.isEmpty();
    }

    /**
     * The model of {@code bars}, given in the official order (districts.yml), each
     * district once (a repeated district keeps its last bar).
     */
    static ChartModel of(List<DistrictBar> bars, ChartOrder order, String materialsUnit) {
        Map<String, DistrictBar> byDistrict = new LinkedHashMap<>();
        bars.forEach(bar -> byDistrict.put(bar.district(), bar));
        List<DistrictBar> official = new ArrayList<>(byDistrict.values());
        Map<String, Long> visitsByUnit = visitTotals(official);
        @Nullable String main = visitsByUnit.entrySet()
            .stream()
            .max(Map.Entry.<String, Long>comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(null);
        Map<String, Long> mainValues = new LinkedHashMap<>();
        Map<String, Long> materials = new LinkedHashMap<>();
        for (DistrictBar bar : official) {
            mainValues.put(bar.district(), main == null ? 0L : bar.visitsByUnit().getOrDefault(main, 0L));
            materials.put(bar.district(), bar.materials());
        }
        List<String> districts = new ArrayList<>(byDistrict.keySet());
        if (order == ChartOrder.FIGURE) {
            // stable sort: equal figures keep the official order
            Map<String, Long> first = main != null ? mainValues : materials;
            districts.sort(
                    Comparator.comparingLong((String d) -> first.get(d)).thenComparingLong(materials::get).reversed());
        }
        List<Panel> panels = new ArrayList<>();
        if (main != null) {
            panels.add(new Panel(Kind.VISITS, main, ordered(mainValues, districts)));
        }
        panels.add(new Panel(Kind.MATERIALS, materialsUnit, ordered(materials, districts)));
        Map<String, Long> others = new LinkedHashMap<>(visitsByUnit);
        if (main != null) {
            others.remove(main);
        }
        return new ChartModel(districts, panels, others);
    }

    /** Units with at least one visit, with their city totals, in first-seen order. */
    private static Map<String, Long> visitTotals(List<DistrictBar> bars) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (DistrictBar bar : bars) {
            bar.visitsByUnit().forEach((unit, count) -> {
                if (count > 0) {
                    totals.merge(unit, count, Long::sum);
                }
            });
        }
        return totals;
    }

    private static Map<String, Long> ordered(Map<String, Long> values, List<String> districts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        districts.forEach(d -> ordered.put(d, values.get(d)));
        return ordered;
    }

}
