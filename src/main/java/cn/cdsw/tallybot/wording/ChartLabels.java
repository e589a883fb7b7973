package cn.cdsw.tallybot.wording;

import java.time.LocalDate;
import java.util.Map;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.ReportField;

/**
 * The words on the daily summary's chart: its title, the district axis, the visits panel
 * with one series per unit (the headline metric's label from metrics.yml) and the
 * materials panel in the configured unit.
 */
public final class ChartLabels {

    private final BotConfig config;

    private final FigureStyle figures;

    private final Template title;

    private final String districts;

    private final Template series;

    private final String noData;

    private final Template periodTitle;

    private final Template otherVisits;

    private final String noDataWeek;

    private final String noDataMonth;

    private final String noDataRange;

    ChartLabels(Catalogue c, BotConfig config, FigureStyle figures) {
        this.config = config;
        this.figures = figures;
        title = c.template("summary.chart-title", "date", "visits");
        districts = c.text("summary.chart-districts");
        series = c.template("summary.chart-series", "what", "unit");
        noData = c.text("summary.chart-no-data");
        periodTitle = c.template("summary.chart-period-title", "period", "visits");
        otherVisits = c.template("summary.chart-other-visits", "what", "figures");
        noDataWeek = c.text("summary.chart-no-data-week");
        noDataMonth = c.text("summary.chart-no-data-month");
        noDataRange = c.text("summary.chart-no-data-range");
    }

    /** 2026年11月29日 各区县走访与物资 */
    public String title(LocalDate date) {
        return title.fill(figures.date(date), visits());
    }

    public String districts() {
        return districts;
    }

    /** The axis of the visits panel: the headline metric's label (走访). */
    public String visits() {
        return config.metrics().label(SummaryTexts.HEADLINE_METRIC);
    }

    /** One series of the visits panel: 走访（户）. */
    public String visitSeries(String unit) {
        return series.fill(visits(), unit);
    }

    /** The materials panel and its one series: 物资（件）. */
    public String materials() {
        return series.fill(config.grammar().name(ReportField.MATERIALS), config.materials().totalUnit());
    }

    /** 2026年11月23日—11月29日 各区县走访与物资 */
    public String title(ReportSpan span, LocalDate start) {
        return periodTitle.fill(figures.period(span, start), visits());
    }

    /**
     * 2026年11月1日—11月28日 各区县走访与物资: any range of days, as the web desk charts them.
     */
    public String title(LocalDate from, LocalDate to) {
        return periodTitle.fill(figures.range(from, to), visits());
    }

    /** The unit of the materials panel (件). */
    public String materialsUnit() {
        return config.materials().totalUnit();
    }

    /** In the middle of the chart of a day without reports. */
    public String noData() {
        return noData;
    }

    /** In the middle of the chart of a range of days without reports. */
    public String noDataInRange() {
        return noDataRange;
    }

    /** In the middle of the chart of a week or month without reports. */
    public String noData(ReportSpan span) {
        return span == ReportSpan.MONTH ? noDataMonth : noDataWeek;
    }

    /**
     * Under the chart: the visits in units the chart does not draw, city totals (走访另有
     * 15人次、3次（单位不同，未画入）), or nothing when there are none.
     */
    public String otherVisits(Map<String, Long> byUnit) {
        if (byUnit.isEmpty()) {
            return "";
        }
        return otherVisits.fill(visits(), figures
            .names(byUnit.entrySet().stream().map(e -> figures.figure("", e.getValue(), e.getKey())).toList()));
    }

}
