package cn.cdsw.tallybot.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The units each district expects to report (optional, {@code units.yml}); the bot tells
 * who has not reported from it. A district with no entry has no expected units. A unit
 * may say on which days it reports ({@link ReportingDays}, docs/reminders.md §2); one
 * that does not follows its group's setting or the working days.
 */
public record UnitDirectory(Map<String, List<String>> unitsByDistrict, Map<String, ReportingDays> reportingDays) {

    public UnitDirectory {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        unitsByDistrict.forEach((district, units) -> copy.put(district, List.copyOf(units)));
        unitsByDistrict = Collections.unmodifiableMap(copy);
        reportingDays = Map.copyOf(reportingDays);
    }

    public UnitDirectory(Map<String, List<String>> unitsByDistrict) {
        this(unitsByDistrict, Map.of());
    }

    public List<String> unitsOf(String district) {
        return unitsByDistrict.getOrDefault(district, List.of());
    }

    /**
     * What {@code units.yml} says of the unit's reporting days;
     * {@link ReportingDays#UNSET} if nothing.
     */
    public ReportingDays reportingDaysOf(String district, String unit) {
        return reportingDays.getOrDefault(key(district, unit), ReportingDays.UNSET);
    }

    /** How {@link #reportingDays} is keyed. */
    public static String key(String district, String unit) {
        return district + "\u0000" + unit;
    }
}
