package cn.cdsw.tallybot.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.cdsw.tallybot.query.DistrictTotals;
import cn.cdsw.tallybot.query.Figures;
import cn.cdsw.tallybot.query.MetricTotal;
import cn.cdsw.tallybot.query.Numbers;
import cn.cdsw.tallybot.query.QueryReplies;
import cn.cdsw.tallybot.query.Totals;

/**
 * The text of the evening post (docs/daily-summary.md §1): the city's figures, one line per district, who has not
 * reported, the change against the day before, and corrections to days already posted.
 */
final class SummaryText {

    static final String VISITS = "visits";
    private static final int MAX_MISSING_NAMES = 20;
    private static final int TOP_ITEMS = 5;

    private final QueryReplies replies;

    SummaryText(QueryReplies replies) {
        this.replies = replies;
    }

    record Input(LocalDate date, boolean catchUp, Totals today, Totals dayBefore, List<String> missing,
            List<String> corrections) {
    }

    String compose(Input in) {
        List<String> lines = new ArrayList<>();
        LocalDate d = in.date();
        lines.add((in.catchUp() ? "【补发】" : "") + "【成都社工每日战报】" + d.getYear() + "年" + d.getMonthValue() + "月"
                + d.getDayOfMonth() + "日");
        Figures city = in.today().figures();
        lines.add("全市上报 " + city.reports() + " 条｜参与单位 " + city.units() + " 个");
        lines.add(headline(city));
        List<String> others = replies.metricLines(withoutVisits(city));
        if (!others.isEmpty()) {
            lines.add(String.join("｜", others));
        }
        if (!in.today().items().isEmpty()) {
            lines.add("物资明细：" + String.join("、", in.today().items().stream().limit(TOP_ITEMS)
                    .map(i -> i.name() + Numbers.grouped(i.quantity()) + i.unit()).toList()));
        }
        in.today().byDistrict().stream()
                .sorted(Comparator.comparingLong((DistrictTotals t) -> t.figures().reports()).reversed())
                .forEach(t -> lines.add(districtLine(t)));
        if (!in.missing().isEmpty()) {
            lines.add(missingLine(in.missing()));
        }
        String change = change(city, in.dayBefore().figures());
        if (!change.isEmpty()) {
            lines.add("较前一日：" + change);
        }
        if (!in.corrections().isEmpty()) {
            lines.add("更正：" + String.join("；", in.corrections()));
        }
        return String.join("\n", lines);
    }

    private static String headline(Figures city) {
        List<String> visits = visits(city);
        String visitText = visits.isEmpty() ? "走访 0户" : "走访 " + String.join(" / ", visits);
        String value = city.valueYuan().signum() > 0 ? "｜价值 " + Numbers.yuan(city.valueYuan()) : "";
        return visitText + "｜物资 " + Numbers.grouped(city.materialsTotal()) + "件" + value;
    }

    private static List<String> visits(Figures f) {
        return f.metrics().stream().filter(m -> m.key().equals(VISITS))
                .sorted(Comparator.comparingLong(MetricTotal::value).reversed())
                .map(m -> Numbers.grouped(m.value()) + m.unit()).toList();
    }

    private static Figures withoutVisits(Figures f) {
        return new Figures(f.reports(), f.units(), f.metrics().stream().filter(m -> !m.key().equals(VISITS)).toList(),
                f.materialsTotal(), f.valueYuan());
    }

    private static String districtLine(DistrictTotals t) {
        Figures f = t.figures();
        StringBuilder line = new StringBuilder(t.district()).append(" 上报").append(f.reports());
        List<String> visits = f.metrics().stream().filter(m -> m.key().equals(VISITS))
                .sorted(Comparator.comparingLong(MetricTotal::value).reversed())
                .map(m -> m.value() + m.unit()).toList();
        if (!visits.isEmpty()) {
            line.append(" 走访").append(String.join("/", visits));
        }
        if (f.materialsTotal() > 0) {
            line.append(" 物资").append(f.materialsTotal()).append("件");
        }
        return line.toString();
    }

    private static String missingLine(List<String> missing) {
        String names = String.join(" ", missing.stream().limit(MAX_MISSING_NAMES).toList());
        String more = missing.size() > MAX_MISSING_NAMES ? " 等" : "";
        return "未上报（" + missing.size() + "）：" + names + more;
    }

    /** 走访 in its first unit and materials, as percentages; a figure absent both days is left out. */
    private static String change(Figures today, Figures before) {
        List<String> parts = new ArrayList<>();
        today.metrics().stream().filter(m -> m.key().equals(VISITS)).max(Comparator.comparingLong(MetricTotal::value))
                .ifPresent(m -> parts.add(percent("走访", m.value(), before.metric(VISITS, m.unit()))));
        if (today.materialsTotal() > 0 || before.materialsTotal() > 0) {
            parts.add(percent("物资", today.materialsTotal(), before.materialsTotal()));
        }
        return String.join("，", parts);
    }

    static String percent(String label, long now, long before) {
        if (before == 0) {
            return label + (now == 0 ? " 持平" : " 新增");
        }
        long change = Math.round((now - before) * 100.0 / before);
        return label + " " + (change > 0 ? "+" : change < 0 ? "−" : "±") + Math.abs(change) + "%";
    }
}
