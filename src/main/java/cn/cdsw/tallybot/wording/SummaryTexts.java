package cn.cdsw.tallybot.wording;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.MetricDefinition;
import cn.cdsw.tallybot.config.ReportField;
import cn.cdsw.tallybot.query.DistrictTotals;
import cn.cdsw.tallybot.query.Figures;
import cn.cdsw.tallybot.query.MetricTotal;
import cn.cdsw.tallybot.query.Totals;

/**
 * The evening post (docs/daily-summary.md §1): the city's figures, one line per district,
 * who has not reported, the change against the day before, and corrections to days
 * already posted; a re-post says so (重发) and what changed since. A total that includes an
 * approximate figure is shown with 约. Figures are printed as in every reply, so a
 * district's line shows what its stations' echoes showed.
 */
public final class SummaryTexts {

    /** The metric the post leads with, and the chart draws per district. */
    public static final String HEADLINE_METRIC = "visits";
    static final int MAX_MISSING_NAMES = 20;
    static final int TOP_ITEMS = 5;

    /**
     * One day's post: its figures, the day before's for the change, the missing units,
     * the corrections. {@code minChangeBase} is the smallest figure of the day before
     * that a percentage is worked out from (below it, +300% says more about chance than
     * about work, so both figures are shown instead). {@code repost} is set when the day
     * was posted before and this post goes out again (重发).
     */
    public record Day(LocalDate date, boolean catchUp, Totals today, Totals dayBefore, List<String> missing,
            List<Correction> corrections, long minChangeBase, @Nullable Repost repost) {
        public Day {
            missing = List.copyOf(missing);
            corrections = List.copyOf(corrections);
            if (minChangeBase < 1) {
                throw new IllegalArgumentException("a change needs a base of at least 1, not " + minChangeBase);
            }
        }
    }

    /**
     * A day posted again: the figures that changed since its last post, empty when none
     * did.
     */
    public record Repost(List<Change> changes) {
        public Repost {
            changes = List.copyOf(changes);
        }
    }

    /** Figures of a day already posted that changed since. */
    public record Correction(LocalDate day, List<Change> changes) {
        public Correction {
            changes = List.copyOf(changes);
        }
    }

    /**
     * One changed figure: a metric in one unit, or the materials total when
     * {@code metricKey} is null.
     */
    public record Change(@Nullable String metricKey, @Nullable String unit, long before, long after) {
    }

    /**
     * A weekly or monthly report (docs/daily-summary.md §10): the period's figures, the
     * period before's for the change, and the directory's units without a single report
     * in the period.
     */
    public record Report(ReportSpan span, LocalDate start, boolean catchUp, Totals totals, Totals before,
            List<String> neverReported, long minChangeBase) {
        public Report {
            neverReported = List.copyOf(neverReported);
            if (minChangeBase < 1) {
                throw new IllegalArgumentException("a change needs a base of at least 1, not " + minChangeBase);
            }
        }
    }

    private final BotConfig config;

    private final FigureStyle figures;

    private final QueryReplies queries;

    private final String materials;

    private final Template title;

    private final Template titleCatchUp;

    private final Template titleRepost;

    private final Template repostChanges;

    private final String repostSame;

    private final Template counts;

    private final String parts;

    private final Template items;

    private final Template district;

    private final Template districtReports;

    private final Template missing;

    private final Template missingMore;

    private final Template change;

    private final Template changeUp;

    private final Template changeDown;

    private final Template changeSame;

    private final Template changeFigures;

    private final Template corrections;

    private final String correctionsJoin;

    private final Template correctionDay;

    private final Template correction;

    private final Template reportTitleWeek;

    private final Template reportTitleMonth;

    private final Template reportCatchUp;

    private final Template rankHead;

    private final String rankHeadReports;

    private final Template rankLine;

    private final Template neverWeek;

    private final Template neverWeekMore;

    private final Template neverMonth;

    private final Template neverMonthMore;

    private final Template changeWeek;

    private final Template changeMonth;

    private final Template changeFiguresWeek;

    private final Template changeFiguresMonth;

    SummaryTexts(Catalogue c, BotConfig config, FigureStyle figures, QueryReplies queries) {
        this.config = config;
        this.figures = figures;
        this.queries = queries;
        this.materials = config.grammar().name(ReportField.MATERIALS);
        title = c.template("summary.title", "date");
        titleCatchUp = c.template("summary.title-catch-up", "date");
        titleRepost = c.template("summary.title-repost", "date");
        repostChanges = c.template("summary.repost-changes", "changes");
        repostSame = c.text("summary.repost-same");
        counts = c.template("summary.counts", "reports", "units");
        parts = c.text("summary.parts");
        items = c.template("summary.items", "items");
        district = c.template("summary.district", "district", "figures");
        districtReports = c.template("summary.district-reports", "reports");
        missing = c.template("summary.missing", "count", "names");
        missingMore = c.template("summary.missing-more", "count", "names");
        change = c.template("summary.change", "changes");
        changeUp = c.template("summary.change-up", "what", "percent");
        changeDown = c.template("summary.change-down", "what", "percent");
        changeSame = c.template("summary.change-same", "what");
        changeFigures = c.template("summary.change-figures", "what", "before", "now");
        corrections = c.template("summary.corrections", "days");
        correctionsJoin = c.text("summary.corrections-join");
        correctionDay = c.template("summary.correction-day", "day", "changes");
        correction = c.template("summary.correction", "what", "before", "after", "unit");
        reportTitleWeek = c.template("report.title-week", "period");
        reportTitleMonth = c.template("report.title-month", "period");
        reportCatchUp = c.template("report.title-catch-up", "title");
        rankHead = c.template("report.rank-head", "what");
        rankHeadReports = c.text("report.rank-head-reports");
        rankLine = c.template("report.rank-line", "place", "district", "figures");
        neverWeek = c.template("report.never-reported-week", "count", "names");
        neverWeekMore = c.template("report.never-reported-week-more", "count", "names");
        neverMonth = c.template("report.never-reported-month", "count", "names");
        neverMonthMore = c.template("report.never-reported-month-more", "count", "names");
        changeWeek = c.template("report.change-week", "changes");
        changeMonth = c.template("report.change-month", "changes");
        changeFiguresWeek = c.template("report.change-figures-week", "what", "before", "now");
        changeFiguresMonth = c.template("report.change-figures-month", "what", "before", "now");
    }

    /**
     * The weekly or monthly report: title, the city's figures as in the evening post, the
     * districts ranked by the headline metric in the city's largest unit (never across
     * units; by reports when nobody reported a visit), the units that never reported, and
     * the change against the period before.
     */
    public String compose(Report report) {
        boolean month = report.span() == ReportSpan.MONTH;
        List<String> lines = new ArrayList<>();
        String title = (month ? reportTitleMonth : reportTitleWeek).fill(figures.period(report.span(), report.start()));
        lines.add(report.catchUp() ? reportCatchUp.fill(title) : title);
        Figures city = report.totals().figures();
        lines.add(counts.fill(figures.number(city.reports()), figures.number(city.units())));
        lines.add(headline(city));
        List<String> others = queries.metricLines(without(city, HEADLINE_METRIC));
        if (!others.isEmpty()) {
            lines.add(String.join(parts, others));
        }
        if (!report.totals().items().isEmpty()) {
            lines.add(items
                .fill(figures.names(report.totals().items().stream().limit(TOP_ITEMS).map(figures::item).toList())));
        }
        lines.addAll(ranking(report.totals()));
        if (!report.neverReported().isEmpty()) {
            lines.add(month ? never(report.neverReported(), neverMonth, neverMonthMore)
                    : never(report.neverReported(), neverWeek, neverWeekMore));
        }
        List<String> changes = changes(city, report.before().figures(), report.minChangeBase(),
                month ? changeFiguresMonth : changeFiguresWeek);
        if (!changes.isEmpty()) {
            lines.add((month ? changeMonth : changeWeek).fill(figures.list(changes)));
        }
        return String.join("\n", lines);
    }

    /**
     * The main unit of the headline metric: the one with the largest city total, as the
     * chart draws it; empty when no visit was reported.
     */
    public static Optional<String> mainUnit(Figures city) {
        return city.metrics()
            .stream()
            .filter(m -> m.key().equals(HEADLINE_METRIC) && m.value() > 0)
            .max(Comparator.comparingLong(MetricTotal::value))
            .map(MetricTotal::unit);
    }

    /** 区县排名（按走访户数）： then 1. 锦江区：上报20条，走访496户/15人次，物资1310件 */
    private List<String> ranking(Totals totals) {
        Optional<String> unit = mainUnit(totals.figures());
        Comparator<DistrictTotals> byReports = Comparator.comparingLong(t -> t.figures().reports());
        Comparator<DistrictTotals> order = unit
            .<Comparator<DistrictTotals>>map(
                    u -> Comparator.comparingLong((DistrictTotals t) -> t.figures().metric(HEADLINE_METRIC, u))
                        .thenComparing(byReports))
            .orElse(byReports)
            .reversed();
        List<DistrictTotals> ranked = totals.byDistrict()
            .stream()
            .filter(t -> t.figures().reports() > 0)
            .sorted(order)
            .toList();
        List<String> lines = new ArrayList<>();
        if (ranked.isEmpty()) {
            return lines;
        }
        lines.add(unit.map(u -> rankHead.fill(visitsLabel() + u)).orElse(rankHeadReports));
        for (int i = 0; i < ranked.size(); i++) {
            lines.add(rankLine.fill(figures.number(i + 1L), ranked.get(i).district(),
                    districtFigures(ranked.get(i).figures())));
        }
        return lines;
    }

    private String never(List<String> names, Template some, Template more) {
        String shown = figures.names(names.stream().limit(MAX_MISSING_NAMES).toList());
        String count = figures.number(names.size());
        return names.size() > MAX_MISSING_NAMES ? more.fill(count, shown) : some.fill(count, shown);
    }

    public String compose(Day day) {
        List<String> lines = new ArrayList<>();
        String date = figures.date(day.date());
        lines.add(title(day, date));
        if (day.repost() != null) {
            lines.add(day.repost().changes().isEmpty() ? repostSame
                    : repostChanges.fill(figures.list(day.repost().changes().stream().map(this::change).toList())));
        }
        Figures city = day.today().figures();
        lines.add(counts.fill(figures.number(city.reports()), figures.number(city.units())));
        lines.add(headline(city));
        List<String> others = queries.metricLines(without(city, HEADLINE_METRIC));
        if (!others.isEmpty()) {
            lines.add(String.join(parts, others));
        }
        if (!day.today().items().isEmpty()) {
            lines.add(items
                .fill(figures.names(day.today().items().stream().limit(TOP_ITEMS).map(figures::item).toList())));
        }
        day.today()
            .byDistrict()
            .stream()
            .sorted(Comparator.comparingLong((DistrictTotals t) -> t.figures().reports()).reversed())
            .forEach(t -> lines.add(districtLine(t)));
        if (!day.missing().isEmpty()) {
            lines.add(missingLine(day.missing()));
        }
        List<String> changes = changes(city, day.dayBefore().figures(), day.minChangeBase(), changeFigures);
        if (!changes.isEmpty()) {
            lines.add(change.fill(figures.list(changes)));
        }
        if (!day.corrections().isEmpty()) {
            lines.add(corrections
                .fill(String.join(correctionsJoin, day.corrections().stream().map(this::correctionLine).toList())));
        }
        return String.join("\n", lines);
    }

    /** 走访238户/15人次｜物资1740件｜价值29,739.5元 */
    private String headline(Figures city) {
        List<String> line = new ArrayList<>();
        visits(city).or(() -> headlineMetric().map(m -> figures.figure(m.label(), 0, m.units().get(0))))
            .ifPresent(line::add);
        line.add(figures.materials(city.materialsTotal(), false));
        if (city.valueYuan().signum() > 0) {
            line.add(figures.value(city.valueYuan()));
        }
        return String.join(parts, line);
    }

    private Optional<String> visits(Figures f) {
        List<MetricTotal> visits = f.metrics()
            .stream()
            .filter(m -> m.key().equals(HEADLINE_METRIC))
            .sorted(Comparator.comparingLong(MetricTotal::value).reversed())
            .toList();
        return visits.isEmpty() ? Optional.empty() : Optional.of(figures.inUnits(visitsLabel(), visits));
    }

    private static Figures without(Figures f, String key) {
        return new Figures(f.reports(), f.units(), f.metrics().stream().filter(m -> !m.key().equals(key)).toList(),
                f.materialsTotal(), f.valueYuan());
    }

    /** 锦江区：上报2条，走访196户/15人次，物资1740件 */
    private String districtLine(DistrictTotals t) {
        return district.fill(t.district(), districtFigures(t.figures()));
    }

    /** 上报2条，走访196户/15人次，物资1740件 */
    private String districtFigures(Figures f) {
        List<String> shown = new ArrayList<>();
        shown.add(districtReports.fill(figures.number(f.reports())));
        visits(f).ifPresent(shown::add);
        if (f.materialsTotal() > 0) {
            shown.add(figures.materials(f.materialsTotal(), false));
        }
        return figures.list(shown);
    }

    private String missingLine(List<String> names) {
        String shown = figures.names(names.stream().limit(MAX_MISSING_NAMES).toList());
        String count = figures.number(names.size());
        return names.size() > MAX_MISSING_NAMES ? missingMore.fill(count, shown) : missing.fill(count, shown);
    }

    private String title(Day day, String date) {
        if (day.catchUp()) {
            return titleCatchUp.fill(date);
        }
        return day.repost() != null ? titleRepost.fill(date) : title.fill(date);
    }

    /**
     * The headline metric in its largest unit and materials, each compared with the same
     * figure of the day before (never across units): as a percentage when that figure is
     * at least {@code minBase}, else as both figures; a figure absent both days is left
     * out.
     */
    private List<String> changes(Figures today, Figures before, long minBase, Template changeFigures) {
        List<String> changes = new ArrayList<>();
        today.metrics()
            .stream()
            .filter(m -> m.key().equals(HEADLINE_METRIC))
            .max(Comparator.comparingLong(MetricTotal::value))
            .ifPresent(m -> {
                MetricTotal then = before.metrics()
                    .stream()
                    .filter(b -> b.key().equals(m.key()) && b.unit().equals(m.unit()))
                    .findFirst()
                    .orElse(new MetricTotal(m.key(), m.unit(), 0, false));
                changes.add(then.value() >= minBase ? percent(visitsLabel(), m.value(), then.value())
                        : changeFigures.fill(visitsLabel(), figures.figure("", then.value(), then.approx(), m.unit()),
                                figures.figure("", m.value(), m.approx(), m.unit())));
            });
        if (today.materialsTotal() > 0 || before.materialsTotal() > 0) {
            changes.add(before.materialsTotal() >= minBase
                    ? percent(materials, today.materialsTotal(), before.materialsTotal())
                    : changeFigures.fill(materials, figures.materialsAmount(before.materialsTotal()),
                            figures.materialsAmount(today.materialsTotal())));
        }
        return changes;
    }

    /** +12%, −5% or ±0%, of a base of at least 1. */
    private String percent(String what, long now, long before) {
        long percent = Math.round((now - before) * 100.0 / before);
        if (percent == 0) {
            return changeSame.fill(what);
        }
        return (percent > 0 ? changeUp : changeDown).fill(what, figures.number(Math.abs(percent)));
    }

    /** 11月27日 走访196→206户，物资1310→1500件 */
    private String correctionLine(Correction c) {
        return correctionDay.fill(figures.day(c.day()), figures.list(c.changes().stream().map(this::change).toList()));
    }

    /** 走访196→206户 */
    private String change(Change change) {
        boolean isMaterials = change.metricKey() == null;
        return correction.fill(isMaterials ? materials : config.metrics().label(change.metricKey()),
                figures.number(change.before()), figures.number(change.after()),
                isMaterials ? config.materials().totalUnit() : String.valueOf(change.unit()));
    }

    private String visitsLabel() {
        return config.metrics().label(HEADLINE_METRIC);
    }

    private Optional<MetricDefinition> headlineMetric() {
        return config.metrics().byKey(HEADLINE_METRIC);
    }

}
