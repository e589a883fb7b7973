package cn.cdsw.tallybot.wording;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongFunction;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.MetricDictionary;
import cn.cdsw.tallybot.query.DistrictTotals;
import cn.cdsw.tallybot.query.Figures;
import cn.cdsw.tallybot.query.ItemTotal;
import cn.cdsw.tallybot.query.MetricTotal;
import cn.cdsw.tallybot.query.Period;
import cn.cdsw.tallybot.query.RankBy;
import cn.cdsw.tallybot.query.RankEntry;
import cn.cdsw.tallybot.query.Scope;
import cn.cdsw.tallybot.query.Totals;
import cn.cdsw.tallybot.report.ActivityRecord;

/**
 * The answers to #统计, #排行, #明细 and #未报: a few short lines, every figure with its unit,
 * largest first, cut to a handful of entries with "另有…" so that a reply stays well inside
 * one chat message.
 */
public final class QueryReplies {

    static final int TOP_ITEMS = 5;
    static final int TOP_LINES = 10;

    private final MetricDictionary metrics;

    private final FigureStyle figures;

    private final RecordReplies records;

    private final String city;

    private final Template scope;

    private final String none;

    private final Template totalsHead;

    private final Template counts;

    private final Template items;

    private final Template itemsMore;

    private final Template byDistrict;

    private final Template byDistrictMore;

    private final Template districtReports;

    private final Template rankHead;

    private final Template rankMetric;

    private final String rankMaterials;

    private final String rankValue;

    private final String rankReports;

    private final String reportsUnit;

    private final Template rankLine;

    private final String rankNone;

    private final Template rankMore;

    private final Template rankUnit;

    private final Template rankUnitOthers;

    private final Template listHead;

    private final Template listLine;

    private final Template listMore;

    private final Template missingNone;

    private final Template noneExpected;

    private final Template missing;

    private final Template missingMore;

    private final Template linesLeftOut;

    QueryReplies(Catalogue c, MetricDictionary metrics, FigureStyle figures, RecordReplies records) {
        this.metrics = metrics;
        this.figures = figures;
        this.records = records;
        city = c.text("query.city");
        scope = c.template("query.scope", "district", "unit");
        none = c.text("query.none");
        totalsHead = c.template("query.totals-head", "scope", "period", "span");
        counts = c.template("query.counts", "reports", "units");
        items = c.template("query.items", "materials", "items");
        itemsMore = c.template("query.items-more", "materials", "items", "count");
        byDistrict = c.template("query.by-district", "districts");
        byDistrictMore = c.template("query.by-district-more", "districts", "count");
        districtReports = c.template("query.district-reports", "district", "reports");
        rankHead = c.template("query.rank-head", "scope", "period", "what", "span");
        rankMetric = c.template("query.rank-metric", "label", "unit");
        rankMaterials = c.text("query.rank-materials");
        rankValue = c.text("query.rank-value");
        rankReports = c.text("query.rank-reports");
        reportsUnit = c.text("query.rank-reports-unit");
        rankLine = c.template("query.rank-line", "place", "name", "figure");
        rankNone = c.text("query.rank-none");
        rankMore = c.template("query.rank-more", "count");
        rankUnit = c.template("query.rank-unit", "unit", "label");
        rankUnitOthers = c.template("query.rank-unit-others", "unit", "label", "others", "other");
        listHead = c.template("query.list-head", "scope", "period", "count");
        listLine = c.template("query.list-line", "id", "place", "figures");
        listMore = c.template("query.list-more", "count");
        missingNone = c.template("query.missing-none", "day", "district");
        noneExpected = c.template("query.none-expected", "day", "district");
        missing = c.template("query.missing", "day", "count", "units");
        missingMore = c.template("query.missing-more", "count");
        linesLeftOut = c.template("query.lines-left-out", "count");
    }

    /** 全市, 锦江区, 锦江区·三圣街道社工站. */
    public String scope(Scope s) {
        if (s.district() == null) {
            return s.unit() == null ? city : s.unit();
        }
        return s.unit() == null ? s.district() : scope.fill(s.district(), s.unit());
    }

    /**
     * #统计: reports and units, each metric, materials with the top items, value, and the
     * districts' counts.
     */
    public String totals(Totals totals, Period period) {
        String head = totalsHead.fill(scope(totals.scope()), period.label(), figures.span(period.from(), period.to()));
        Figures f = totals.figures();
        if (f.reports() == 0) {
            return head + "\n" + none;
        }
        List<String> lines = new ArrayList<>(List.of(head, counts(f)));
        lines.addAll(metricLines(f));
        if (f.materialsTotal() > 0 || !totals.items().isEmpty()) {
            lines.add(materials(f.materialsTotal(), totals.items()));
        }
        if (f.valueYuan().signum() > 0) {
            lines.add(figures.value(f.valueYuan()));
        }
        if (totals.scope().district() == null && totals.byDistrict().size() > 1) {
            lines.add(byDistrict(totals.byDistrict()));
        }
        return String.join("\n", lines);
    }

    /** 上报3条｜参与单位3个 */
    String counts(Figures f) {
        return counts.fill(figures.number(f.reports()), figures.number(f.units()));
    }

    /**
     * One line per metric with its units side by side (走访238户/15人次), the metric with the
     * largest first.
     */
    public List<String> metricLines(Figures f) {
        Map<String, List<MetricTotal>> byKey = new LinkedHashMap<>();
        f.metrics()
            .stream()
            .sorted(Comparator.comparingLong(MetricTotal::value).reversed())
            .forEach(m -> byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m));
        List<String> lines = new ArrayList<>();
        byKey.forEach((key, inUnits) -> lines.add(figures.inUnits(metrics.label(key), inUnits)));
        return lines;
    }

    private String materials(long total, List<ItemTotal> itemTotals) {
        String materials = figures.materials(total, false);
        if (itemTotals.isEmpty()) {
            return materials;
        }
        String top = figures.names(itemTotals.stream().limit(TOP_ITEMS).map(figures::item).toList());
        return itemTotals.size() > TOP_ITEMS ? itemsMore.fill(materials, top, figures.number(itemTotals.size()))
                : items.fill(materials, top);
    }

    private String byDistrict(List<DistrictTotals> districts) {
        List<DistrictTotals> sorted = districts.stream()
            .sorted(Comparator.comparingLong((DistrictTotals d) -> d.figures().reports()).reversed())
            .toList();
        String shown = figures.names(sorted.stream()
            .limit(TOP_LINES)
            .map(d -> districtReports.fill(d.district(), figures.number(d.figures().reports())))
            .toList());
        return sorted.size() > TOP_LINES ? byDistrictMore.fill(shown, figures.number(sorted.size() - TOP_LINES))
                : byDistrict.fill(shown);
    }

    /** #排行: the first ten, each figure in its unit. */
    public String rank(List<RankEntry> entries, RankBy by, Scope rankScope, Period period) {
        String head = rankHead.fill(scope(rankScope), period.label(), what(by),
                figures.span(period.from(), period.to()));
        if (entries.isEmpty()) {
            return head + "\n" + rankNone;
        }
        List<String> lines = new ArrayList<>(List.of(head));
        for (int i = 0; i < Math.min(TOP_LINES, entries.size()); i++) {
            RankEntry e = entries.get(i);
            lines.add(rankLine.fill(String.valueOf(i + 1), e.name(), rankFigure(by, e)));
        }
        if (entries.size() > TOP_LINES) {
            lines.add(rankMore.fill(figures.number(entries.size() - TOP_LINES)));
        }
        return String.join("\n", lines);
    }

    /**
     * #排行 of a metric written without its unit: ranked in {@code chosen}'s unit, the one
     * most used in the scope ({@code unitsByUse}, most used first), and a line that says
     * so and names the other units used, since their figures are never added in.
     */
    public String rankInMostUsedUnit(List<RankEntry> entries, RankBy.Metric chosen, Scope rankScope, Period period,
            List<String> unitsByUse) {
        String ranking = rank(entries, chosen, rankScope, period);
        boolean severalUnits = metrics.byKey(chosen.key()).map(m -> m.units().size() > 1).orElse(false);
        if (entries.isEmpty() || !severalUnits) {
            return ranking;
        }
        String label = metrics.label(chosen.key());
        List<String> others = unitsByUse.stream().filter(u -> !u.equals(chosen.unit())).toList();
        String note = others.isEmpty() ? rankUnit.fill(chosen.unit(), label)
                : rankUnitOthers.fill(chosen.unit(), label, figures.names(others), others.get(0));
        return ranking + "\n" + note;
    }

    private String what(RankBy by) {
        if (by instanceof RankBy.Metric metric) {
            return rankMetric.fill(metrics.label(metric.key()), metric.unit());
        }
        if (by instanceof RankBy.Materials) {
            return rankMaterials;
        }
        if (by instanceof RankBy.Value) {
            return rankValue;
        }
        if (by instanceof RankBy.Reports) {
            return rankReports;
        }
        throw new IllegalStateException("no wording for a ranking by " + by);
    }

    private String rankFigure(RankBy by, RankEntry e) {
        if (by instanceof RankBy.Metric metric) {
            return figures.figure("", e.value().longValueExact(), e.approx(), metric.unit());
        }
        if (by instanceof RankBy.Materials) {
            return figures.materialsAmount(e.value().longValueExact());
        }
        if (by instanceof RankBy.Value) {
            return figures.money(e.value());
        }
        if (by instanceof RankBy.Reports) {
            return figures.figure("", e.value().longValueExact(), reportsUnit);
        }
        throw new IllegalStateException("no figure for a ranking by " + by);
    }

    /**
     * #明细: the newest records with their ids, as many as fit in {@code maxLength}
     * characters, and how many of {@code total} are left out.
     */
    public String list(Scope listScope, Period period, List<ActivityRecord> newest, long total, int maxLength) {
        String head = listHead.fill(scope(listScope), period.label(), figures.number(total));
        if (newest.isEmpty()) {
            return head + "\n" + none;
        }
        List<String> lines = new ArrayList<>();
        for (ActivityRecord r : newest) {
            lines.add(listLine.fill(String.valueOf(r.id()), records.place(r.content()), records.figuresOf(r)));
        }
        return fitted(head, lines, total, "\n", n -> listMore.fill(figures.number(n)), maxLength);
    }

    /**
     * #未报 on a day no unit of {@code district} or the city is expected to report (a
     * holiday, a weekend, a campaign turned off; docs/reminders.md §2).
     */
    public String noneExpected(LocalDate day, @Nullable String district) {
        return noneExpected.fill(figures.day(day), district == null ? "" : district);
    }

    /**
     * #未报: the directory's units without an active record on {@code day}, in
     * {@code district} or the city, as many as fit in {@code maxLength} characters.
     */
    public String missing(LocalDate day, @Nullable String district, List<String> units, int maxLength) {
        if (units.isEmpty()) {
            return missingNone.fill(figures.day(day), district == null ? "" : district);
        }
        for (int shown = units.size(); shown > 0; shown--) {
            String line = missing.fill(figures.day(day), figures.number(units.size()),
                    figures.names(units.subList(0, shown)));
            String reply = shown == units.size() ? line
                    : line + "\n" + missingMore.fill(figures.number(units.size() - shown));
            if (reply.length() <= maxLength) {
                return reply;
            }
        }
        return missing.fill(figures.day(day), figures.number(units.size()), "…") + "\n"
                + missingMore.fill(figures.number(units.size()));
    }

    /**
     * The closing line of a reply cut short where it would exceed the platform's length:
     * how many lines were left out.
     */
    public String linesLeftOut(int count) {
        return linesLeftOut.fill(figures.number(count));
    }

    /**
     * {@code head} and as many {@code entries} as fit in {@code maxLength} with the line
     * saying how many of {@code total} are not shown (none when all are).
     */
    private static String fitted(String head, List<String> entries, long total, String separator,
            LongFunction<String> more, int maxLength) {
        for (int shown = entries.size(); shown > 0; shown--) {
            StringBuilder reply = new StringBuilder(head);
            entries.subList(0, shown).forEach(e -> reply.append(separator).append(e));
            if (total > shown) {
                reply.append(separator).append(more.apply(total - shown));
            }
            if (reply.length() <= maxLength) {
                return reply.toString();
            }
        }
        return head + separator + more.apply(total);
    }

}
