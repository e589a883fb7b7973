package cn.cdsw.tallybot.query;

import org.jspecify.annotations.Nullable;

/** What a query covers: the whole city (全市), one district, or one unit (optionally within a district). */
public record Scope(@Nullable String district, @Nullable String unit) {

    public static final Scope CITY = new Scope(null, null);

    public boolean isCity() {
        return district == null && unit == null;
    }

    /** How replies and the totals JSON name the scope: 全市, 锦江区, 锦江区·三圣街道社工站. */
    public String label() {
        if (isCity()) {
            return "全市";
        }
        if (unit == null) {
            return district;
        }
        return district == null ? unit : district + "·" + unit;
    }
}
