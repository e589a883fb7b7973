package cn.cdsw.tallybot.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The units each district expects to report (optional, {@code units.yml}); the bot tells
 * who has not reported from it. A district with no entry has no expected units.
 */
public record UnitDirectory(Map<String, List<String>> unitsByDistrict) {

    public UnitDirectory {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        unitsByDistrict.forEach((district, units) -> copy.put(district, List.copyOf(units)));
        unitsByDistrict = Collections.unmodifiableMap(copy);
    }

    public List<String> unitsOf(String district) {
        return unitsByDistrict.getOrDefault(district, List.of());
    }
}
