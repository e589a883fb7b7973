package cn.cdsw.tallybot.command;

import java.math.BigDecimal;

import cn.cdsw.tallybot.report.Decimals;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;

/** Figures as replies show them: 走访196户, 电话约80次, 大米224袋, 物资1310件, 价值29739.5元. */
public final class FigureText {

    private FigureText() {
    }

    public static String metric(String label, Metric metric) {
        return label + (metric.approx() ? "约" : "") + metric.value() + metric.unit();
    }

    public static String item(Item item) {
        return item.name() + (item.approx() ? "约" : "") + item.quantity() + item.unit();
    }

    public static String materialsTotal(long total, String unit) {
        return "物资" + total + unit;
    }

    public static String value(BigDecimal yuan) {
        return "价值" + Decimals.canonical(yuan).toPlainString() + "元";
    }
}
