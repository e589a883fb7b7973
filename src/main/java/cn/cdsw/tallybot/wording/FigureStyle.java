package cn.cdsw.tallybot.wording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.MetricDefinition;
import cn.cdsw.tallybot.config.MetricDictionary;
import cn.cdsw.tallybot.config.ReportField;
import cn.cdsw.tallybot.query.ItemTotal;
import cn.cdsw.tallybot.query.MetricTotal;
import cn.cdsw.tallybot.report.Decimals;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.ReportContent;

/**
 * The one way figures and dates are printed: in the echo of a report, the answers to
 * queries, the daily summary and anything else people read. The same figure must look the
 * same wherever it appears, so that a coordinator can find a station's 走访196户 in the
 * evening's totals. The style:
 * <ul>
 * <li>digits as written below 10,000 ({@code 196户}, {@code 1310件}): how members type
 * them, and four digits read at a glance on a phone;</li>
 * <li>grouped by thousands from 10,000 up ({@code 12,000件}, {@code 100,000户}), where a
 * run of five or more digits is easily misread by a place;</li>
 * <li>money exact, in yuan ({@code 29,739.5元}), never rounded to 万元, so that a total can
 * be checked against the reports it adds up;</li>
 * <li>约 before an approximate number ({@code 电话约300次}), however the report wrote it
 * (300余个, 300个左右);</li>
 * <li>no space between a word and its figure ({@code 走访196户}); the units of one metric
 * side by side ({@code 走访196户/15人次}).</li>
 * </ul>
 * Metric labels, the materials words and the materials unit come from bot-config; the
 * joining words from the catalogue.
 */
public final class FigureStyle {

    /** From here up, numbers are grouped by thousands. */
    static final long GROUPED_FROM = 10_000;

    private final MetricDictionary metrics;

    private final Comparator<Metric> dictionaryOrder;

    private final String materials;

    private final String materialsTotal;

    private final String value;

    private final String totalUnit;

    private final Template figure;

    private final Template approx;

    private final Template summed;

    private final Template day;

    private final Template date;

    private final Template span;

    private final String yuan;

    private final String thousands;

    private final String unitsJoin;

    private final Template month;

    private final String listJoin;

    private final String namesJoin;

    FigureStyle(Catalogue catalogue, BotConfig config) {
        this.metrics = config.metrics();
        List<MetricDefinition> all = metrics.all();
        this.dictionaryOrder = Comparator.comparingInt((Metric m) -> position(all, m.key()))
            .thenComparingInt(m -> metrics.byKey(m.key()).map(d -> d.units().indexOf(m.unit())).orElse(0));
        this.materials = config.grammar().name(ReportField.MATERIALS);
        this.materialsTotal = config.grammar().name(ReportField.MATERIALS_TOTAL);
        this.value = config.grammar().name(ReportField.VALUE);
        this.totalUnit = config.materials().totalUnit();
        this.figure = catalogue.template("figures.figure", "what", "amount", "unit");
        this.approx = catalogue.template("figures.approx", "number");
        this.summed = catalogue.template("figures.summed", "figure");
        this.day = catalogue.template("figures.day", "month", "day");
        this.date = catalogue.template("figures.date", "year", "month", "day");
        this.span = catalogue.template("figures.span", "from", "to");
        this.month = catalogue.template("figures.month", "year", "month");
        this.yuan = catalogue.text("figures.yuan");
        this.thousands = catalogue.text("figures.thousands");
        this.unitsJoin = catalogue.text("figures.units");
        this.listJoin = catalogue.text("figures.list");
        this.namesJoin = catalogue.text("figures.names");
    }

    /** 196, 1310, 12,000. */
    public String number(long n) {
        String digits = Long.toString(n);
        return Math.abs(n) < GROUPED_FROM ? digits : grouped(digits);
    }

    /**
     * 29739.5 below ten thousand is written as is; 129,739.5 above. Trailing zeros never
     * show.
     */
    public String number(BigDecimal n) {
        String plain = Decimals.canonical(n).toPlainString();
        if (n.abs().compareTo(BigDecimal.valueOf(GROUPED_FROM)) < 0) {
            return plain;
        }
        int point = plain.indexOf('.');
        return point < 0 ? grouped(plain) : grouped(plain.substring(0, point)) + plain.substring(point);
    }

    /**
     * A figure: its word (a metric label, an item, 物资; may be empty), the number and its
     * unit.
     */
    public String figure(String what, long n, String unit) {
        return figure(what, n, false, unit);
    }

    String figure(String what, long n, boolean approximate, String unit) {
        return figure.fill(what, approximate ? approx.fill(number(n)) : number(n), unit);
    }

    /** An amount of money: 4120元, 29,739.5元. */
    public String money(BigDecimal amount) {
        return figure.fill("", number(amount), yuan);
    }

    public String metric(Metric m) {
        return figure(metrics.label(m.key()), m.value(), m.approx(), m.unit());
    }

    public String item(Item item) {
        return figure(item.name(), item.quantity(), item.approx(), item.unit());
    }

    /** A material summed over reports: 大米224袋, 口罩约500个. */
    public String item(ItemTotal item) {
        return figure(item.name(), item.quantity(), item.approx(), item.unit());
    }

    /**
     * The materials total alone (物资1310件), or beside the items it adds up (物资合计4283件).
     */
    public String materials(long total, boolean besideItems) {
        return figure(besideItems ? materialsTotal : materials, total, totalUnit);
    }

    /** The materials total in its unit without a word: 1310件. */
    public String materialsAmount(long total) {
        return figure("", total, totalUnit);
    }

    /**
     * The materials total worked out from the items rather than written: 物资合计430件（各项相加）.
     */
    String summedMaterials(long total) {
        return summed.fill(materials(total, true));
    }

    public String value(BigDecimal yuanAmount) {
        return figure.fill(value, number(yuanAmount), yuan);
    }

    /**
     * One metric in each of its units, largest first as given: 走访196户/15人次, and
     * 走访约238户/15人次 when a figure behind the 户 was approximate.
     */
    public String inUnits(String label, List<MetricTotal> inEachUnit) {
        List<String> amounts = new ArrayList<>();
        for (int i = 0; i < inEachUnit.size(); i++) {
            MetricTotal m = inEachUnit.get(i);
            amounts.add(figure(i == 0 ? label : "", m.value(), m.approx(), m.unit()));
        }
        return String.join(unitsJoin, amounts);
    }

    /**
     * The figures of a record in one order, whichever order the report or a correction
     * wrote them: metrics in the order of metrics.yml (and each in the order of its
     * units), items as written, the materials total and the value; every reply about a
     * record prints it the same.
     */
    public List<String> record(ReportContent content) {
        return record(content.metrics(), content.items(), content.materialsTotal(), content.valueYuan());
    }

    List<String> record(List<Metric> metricList, List<Item> items, @Nullable Long total,
            @Nullable BigDecimal yuanValue) {
        List<String> figures = new ArrayList<>();
        metricList.stream().sorted(dictionaryOrder).forEach(m -> figures.add(metric(m)));
        items.forEach(i -> figures.add(item(i)));
        if (total != null) {
            figures.add(materials(total, !items.isEmpty()));
        }
        if (yuanValue != null) {
            figures.add(value(yuanValue));
        }
        return figures;
    }

    /** Figures in a row: 走访196户，物资1310件. */
    public String list(List<String> figures) {
        return String.join(listJoin, figures);
    }

    /** Names in a row: 锦江区、金牛区. */
    public String names(List<String> names) {
        return String.join(namesJoin, names);
    }

    /** 11月29日. */
    public String day(LocalDate d) {
        return day.fill(String.valueOf(d.getMonthValue()), String.valueOf(d.getDayOfMonth()));
    }

    /** 2026年11月29日. */
    public String date(LocalDate d) {
        return date.fill(String.valueOf(d.getYear()), String.valueOf(d.getMonthValue()),
                String.valueOf(d.getDayOfMonth()));
    }

    /** 2026年11月. */
    public String month(LocalDate d) {
        return month.fill(String.valueOf(d.getYear()), String.valueOf(d.getMonthValue()));
    }

    /**
     * The period of a report starting on {@code start}: 2026年11月23日—11月29日 for a week,
     * 2026年11月 for a month.
     */
    public String period(ReportSpan span, LocalDate start) {
        return span == ReportSpan.MONTH ? month(start) : this.span.fill(date(start), day(start.plusDays(6)));
    }

    /**
     * 2026年11月29日, or 2026年11月1日—11月28日 (the year again only where it changes): a range
     * of days as a title names it.
     */
    public String range(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return date(from);
        }
        return span.fill(date(from), from.getYear() == to.getYear() ? day(to) : date(to));
    }

    /** 11月29日, or 11月1日—11月28日. */
    public String span(LocalDate from, LocalDate to) {
        return from.equals(to) ? day(from) : span.fill(day(from), day(to));
    }

    private static int position(List<MetricDefinition> all, String key) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).key().equals(key)) {
                return i;
            }
        }
        return all.size();
    }

    private String grouped(String digits) {
        int sign = digits.startsWith("-") ? 1 : 0;
        int length = digits.length() - sign;
        StringBuilder out = new StringBuilder(digits.substring(0, sign));
        for (int i = 0; i < length; i++) {
            if (i > 0 && (length - i) % 3 == 0) {
                out.append(thousands);
            }
            out.append(digits.charAt(sign + i));
        }
        return out.toString();
    }

}
