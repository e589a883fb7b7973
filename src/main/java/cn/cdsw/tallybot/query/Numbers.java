package cn.cdsw.tallybot.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import cn.cdsw.tallybot.report.Decimals;

/** Figures as query replies and the summary show them: 1,234 and 12.3万元. */
public final class Numbers {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Numbers() {
    }

    public static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Money: exact yuan below ten thousand, else 万元 to two decimals (2.97万元, 12.3万元). */
    public static String yuan(BigDecimal value) {
        if (value.compareTo(TEN_THOUSAND) < 0) {
            return Decimals.canonical(value).toPlainString() + "元";
        }
        return Decimals.canonical(value.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP)).toPlainString() + "万元";
    }
}
