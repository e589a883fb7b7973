package cn.cdsw.tallybot.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.cdsw.tallybot.config.MetricDictionary;

/**
 * The Chinese text of query replies: a few short lines, figures with their units, largest first, cut to a
 * handful of entries with "另有 N 项" so a reply stays well inside a chat message.
 */
public final class QueryReplies {

    static final int TOP_ITEMS = 5;
    static final int TOP_LINES = 10;

    private final MetricDictionary dictionary;

    public QueryReplies(MetricDictionary dictionary) {
        this.dictionary = dictionary;
    }

    public String totals(Totals totals, Period period) {
        String head = "📊 " + totals.scope().label() + "·" + period.label() + "（" + span(period) + "）";
        Figures f = totals.figures();
        if (f.reports() == 0) {
            return head + "\n暂无上报。";
        }
        List<String> lines = new ArrayList<>(List.of(head,
                "上报 " + f.reports() + " 条｜参与单位 " + f.units() + " 个"));
        lines.addAll(metricLines(f));
        if (f.materialsTotal() > 0 || !totals.items().isEmpty()) {
            lines.add("物资 " + Numbers.grouped(f.materialsTotal()) + "件" + items(totals.items()));
        }
        if (f.valueYuan().signum() > 0) {
            lines.add("价值 " + Numbers.yuan(f.valueYuan()));
        }
        if (totals.scope().district() == null && totals.byDistrict().size() > 1) {
            lines.add(byDistrict(totals.byDistrict()));
        }
        return String.join("\n", lines);
    }

    /** One line per metric, its units side by side (走访 1,234户 / 356人次), metrics with the largest first. */
    public List<String> metricLines(Figures figures) {
        Map<String, List<MetricTotal>> byKey = new LinkedHashMap<>();
        figures.metrics().stream().sorted(Comparator.comparingLong(MetricTotal::value).reversed())
                .forEach(m -> byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m));
        List<String> lines = new ArrayList<>();
        byKey.forEach((key, totals) -> lines.add(label(key) + " " + String.join(" / ",
                totals.stream().map(t -> Numbers.grouped(t.value()) + t.unit()).toList())));
        return lines;
    }

    String label(String key) {
        return dictionary.label(key);
    }

    private static String items(List<ItemTotal> items) {
        if (items.isEmpty()) {
            return "";
        }
        List<String> top = items.stream().limit(TOP_ITEMS).map(i -> i.name() + Numbers.grouped(i.quantity())
                + i.unit()).toList();
        String more = items.size() > TOP_ITEMS ? " 等" + items.size() + "项" : "";
        return "（" + String.join("、", top) + more + "）";
    }

    private String byDistrict(List<DistrictTotals> districts) {
        List<DistrictTotals> sorted = districts.stream()
                .sorted(Comparator.comparingLong((DistrictTotals d) -> d.figures().reports()).reversed()).toList();
        List<String> parts = sorted.stream().limit(TOP_LINES).map(d -> d.district() + d.figures().reports() + "条")
                .toList();
        String more = sorted.size() > TOP_LINES ? " 另有" + (sorted.size() - TOP_LINES) + "个区县" : "";
        return "按区县：" + String.join(" ", parts) + more;
    }

    public String rank(List<RankEntry> entries, String what, Period period, String scopeLabel) {
        String head = "🏆 " + scopeLabel + " " + what + "排行·" + period.label() + "（" + span(period) + "）";
        if (entries.isEmpty()) {
            return head + "\n暂无数据。";
        }
        List<String> lines = new ArrayList<>(List.of(head));
        for (int i = 0; i < Math.min(TOP_LINES, entries.size()); i++) {
            RankEntry e = entries.get(i);
            lines.add((i + 1) + ". " + e.name() + " " + (e.value().scale() > 0 ? Numbers.yuan(e.value())
                    : Numbers.grouped(e.value().longValueExact())));
        }
        if (entries.size() > TOP_LINES) {
            lines.add("另有 " + (entries.size() - TOP_LINES) + " 个");
        }
        return String.join("\n", lines);
    }

    public static String span(Period period) {
        String from = period.from().getMonthValue() + "月" + period.from().getDayOfMonth() + "日";
        if (period.from().equals(period.to())) {
            return from;
        }
        return from + "—" + period.to().getMonthValue() + "月" + period.to().getDayOfMonth() + "日";
    }
}
