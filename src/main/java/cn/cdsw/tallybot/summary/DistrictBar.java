package cn.cdsw.tallybot.summary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One district's figures for the summary chart: visits per unit and the materials total
 * in 件.
 *
 * <p>
 * Visits are kept per unit (户, 人次, 次) because figures in different units are never added
 * together; the chart draws the main unit and names the others under it
 * ({@link ChartModel}). The map is copied in its iteration order.
 */
public record DistrictBar(String district, Map<String, Long> visitsByUnit, long materials) {
    public DistrictBar {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(visitsByUnit, "visitsByUnit");
        if (district.isBlank()) {
            throw new IllegalArgumentException("district bar needs a district");
        }
        if (materials < 0) {
            throw new IllegalArgumentException(district + " materials are negative: " + materials);
        }
        visitsByUnit.forEach((unit, count) -> checkVisits(district, unit, count));
        // Map.copyOf would lose the order that fixes the series order, so copy into a
        // LinkedHashMap.
        visitsByUnit = Collections.unmodifiableMap(new LinkedHashMap<>(visitsByUnit));
    }

    /**
     * Whether the district reported anything; a district without figures is still
     * charted, as zero.
     */
    public boolean hasFigures() {
        return materials > 0 || visitsByUnit.values().stream().anyMatch(count -> count > 0);
    }

    private static void checkVisits(String district, String unit, Long count) {
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException(district + " has visits without a unit");
        }
        if (count == null || count < 0) {
            throw new IllegalArgumentException(district + " visits in " + unit + " must be a count: " + count);
        }
    }
}
