package cn.cdsw.tallybot.query;

import org.jspecify.annotations.Nullable;

/**
 * What a ranking orders by: one metric in one unit (figures in different units are never added), the
 * materials total, the money value, or the number of reports.
 */
public record RankBy(Kind kind, @Nullable String metricKey, @Nullable String unit, String label) {

    public enum Kind { METRIC, MATERIALS, VALUE, REPORTS }

    public static RankBy metric(String key, String unit, String label) {
        return new RankBy(Kind.METRIC, key, unit, label);
    }

    public static RankBy of(Kind kind, String label) {
        return new RankBy(kind, null, null, label);
    }
}
