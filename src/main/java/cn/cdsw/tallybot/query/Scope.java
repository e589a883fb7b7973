package cn.cdsw.tallybot.query;

import org.jspecify.annotations.Nullable;

/**
 * What a query covers: the whole city (全市), one district, or one unit (optionally within
 * a district).
 */
public record Scope(@Nullable String district, @Nullable String unit) {

    public static final Scope CITY = new Scope(null, null);

    public boolean isCity() {
        return district == null && unit == null;
    }

    /**
     * How the totals JSON of the admin API names the scope: 全市, 锦江区, 锦江区·三圣街道社工站. A value
     * of that contract, the same whatever language the chat speaks; chat replies word the
     * scope in {@code wording.QueryReplies}.
     */
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
