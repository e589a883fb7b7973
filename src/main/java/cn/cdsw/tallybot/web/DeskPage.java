package cn.cdsw.tallybot.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigProperties;
import cn.cdsw.tallybot.config.District;
import cn.cdsw.tallybot.query.DayFigures;
import cn.cdsw.tallybot.query.DistrictTotals;
import cn.cdsw.tallybot.query.Figures;
import cn.cdsw.tallybot.query.QueryService;
import cn.cdsw.tallybot.query.RankBy;
import cn.cdsw.tallybot.query.RankEntry;
import cn.cdsw.tallybot.query.Scope;
import cn.cdsw.tallybot.query.Totals;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.RecordFilter;
import cn.cdsw.tallybot.report.RecordStatus;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.summary.CityChart;
import cn.cdsw.tallybot.web.DeskView.Bar;
import cn.cdsw.tallybot.web.DeskView.DistrictRow;
import cn.cdsw.tallybot.web.DeskView.FigureCard;
import cn.cdsw.tallybot.web.DeskView.MetricCell;
import cn.cdsw.tallybot.web.DeskView.PeriodLink;
import cn.cdsw.tallybot.web.DeskView.RankRow;
import cn.cdsw.tallybot.web.DeskView.RecordRow;
import cn.cdsw.tallybot.web.DeskView.Series;
import cn.cdsw.tallybot.web.DeskView.Trend;
import cn.cdsw.tallybot.wording.FigureStyle;
import cn.cdsw.tallybot.wording.QueryReplies;
import cn.cdsw.tallybot.wording.Wording;

/**
 * Builds the desk's main view from the query feature (the same calls the totals API
 * makes, so the page and the API never disagree) and a page of records from the ledger's
 * keyset paging.
 */
@Component
public class DeskPage {

    /** Records on one page of the list. */
    static final int PAGE_SIZE = 50;

    /** Days of the trend. */
    static final int TREND_DAYS = 30;

    private static final String VISITS = "visits";

    private static final double CHART_WIDTH = 600;

    private static final double CHART_HEIGHT = 120;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final QueryService queries;

    private final CityChart chart;

    private final ReportService reports;

    private final BotConfig config;

    private final FigureStyle figures;

    private final QueryReplies replies;

    private final Clock clock;

    private final ZoneId zone;

    DeskPage(QueryService queries, ReportService reports, BotConfig config, Wording wording, Clock clock,
            BotConfigProperties properties, CityChart chart) {
        this.queries = queries;
        this.chart = chart;
        this.reports = reports;
        this.config = config;
        this.figures = wording.figures();
        this.replies = wording.queries();
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** What the page was asked for; dates already checked and in order. */
    public record Request(LocalDate from, LocalDate to, @Nullable String district, @Nullable RecordStatus status,
            long after) {
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public DeskView view(Request request) {
        LocalDate today = today();
        Scope scope = new Scope(request.district(), null);
        Totals todays = queries.totals(today, today, scope);
        Totals period = request.from().equals(today) && request.to().equals(today) ? todays
                : queries.totals(request.from(), request.to(), scope);
        String visitsUnit = mainVisitsUnit(request.from(), request.to(), scope);
        List<DistrictRow> districts = request.district() == null ? districtRows(request, period, visitsUnit)
                : List.of();
        List<RankRow> units = request.district() != null ? unitRows(request, scope, visitsUnit) : List.of();
        List<ActivityRecord> rows = reports.page(
                new RecordFilter(request.from(), request.to(), request.district(), null, request.status()),
                request.after(), PAGE_SIZE + 1);
        List<ActivityRecord> page = rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows;
        Long next = rows.size() > PAGE_SIZE ? page.get(PAGE_SIZE - 1).id() : null;
        LocalDate missingDay = request.to().isAfter(today) ? today : request.to();
        return new DeskView(scope.label(), request.district(), today, request.from(), request.to(),
                figures.span(request.from(), request.to()), card(figures.day(today), todays),
                card(figures.span(request.from(), request.to()), period), visitsUnit, districts, units,
                trend(request.to(), scope), missingDay, queries.missing(missingDay, request.district()),
                page.stream().map(this::recordRow).toList(),
                request.status() == null ? null : request.status().wireName(), next, request.after() == 0,
                exportHref(request), chartHref(request), config.districts().all().stream().map(District::name).toList(),
                periods(request, today));
    }

    private String mainVisitsUnit(LocalDate from, LocalDate to, Scope scope) {
        List<String> used = queries.unitsByUse(from, to, scope, VISITS);
        if (!used.isEmpty()) {
            return used.get(0);
        }
        return config.metrics().byKey(VISITS).map(m -> m.units().get(0)).orElse("户");
    }

    FigureCard card(String span, Totals totals) {
        Figures f = totals.figures();
        List<MetricCell> cells = f.metrics()
            .stream()
            .map(m -> new MetricCell(m.key() + "-" + m.unit(), config.metrics().label(m.key()), m.unit(),
                    amount(m.value(), m.approx()), m.approx()))
            .toList();
        List<String> line = new ArrayList<>(replies.metricLines(f));
        line.add(figures.materials(f.materialsTotal(), false));
        line.add(figures.value(f.valueYuan()));
        return new FigureCard(span, f.reports(), f.units(), cells, figures.number(f.materialsTotal()),
                figures.number(f.valueYuan()), figures.list(line));
    }

    private String amount(long value, boolean approx) {
        return (approx ? "约" : "") + figures.number(value);
    }

    /**
     * Every district of the directory, also those without a report (zero), ranked by
     * reports, then materials.
     */
    private List<DistrictRow> districtRows(Request request, Totals period, String visitsUnit) {
        Map<String, Figures> byName = new HashMap<>();
        for (DistrictTotals d : period.byDistrict()) {
            byName.put(d.district(), d.figures());
        }
        Figures none = new Figures(0, 0, List.of(), 0, BigDecimal.ZERO);
        List<String> names = new ArrayList<>(config.districts().all().stream().map(District::name).toList());
        byName.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        ToLongFunction<String> reportsOf = n -> byName.getOrDefault(n, none).reports();
        ToLongFunction<String> materialsOf = n -> byName.getOrDefault(n, none).materialsTotal();
        names.sort(Comparator.comparingLong(reportsOf)
            .reversed()
            .thenComparing(Comparator.comparingLong(materialsOf).reversed()));
        List<DistrictRow> rows = new ArrayList<>();
        for (String name : names) {
            Figures f = byName.getOrDefault(name, none);
            rows.add(new DistrictRow(rows.size() + 1, name, f.reports(), f.units(), visits(f, visitsUnit),
                    figures.number(f.materialsTotal()), figures.number(f.valueYuan()),
                    href(request.from(), request.to(), name, null)));
        }
        return rows;
    }

    private String visits(Figures f, String unit) {
        return f.metrics()
            .stream()
            .filter(m -> m.key().equals(VISITS) && m.unit().equals(unit))
            .findFirst()
            .map(m -> amount(m.value(), m.approx()))
            .orElse("0");
    }

    private List<RankRow> unitRows(Request request, Scope scope, String visitsUnit) {
        List<RankEntry> byReports = queries.rank(request.from(), request.to(), scope, new RankBy.Reports(), true);
        Map<String, RankEntry> byVisits = index(
                queries.rank(request.from(), request.to(), scope, new RankBy.Metric(VISITS, visitsUnit), true));
        Map<String, RankEntry> byMaterials = index(
                queries.rank(request.from(), request.to(), scope, new RankBy.Materials(), true));
        List<RankRow> rows = new ArrayList<>();
        for (RankEntry entry : byReports) {
            rows.add(new RankRow(rows.size() + 1, entry.name(), figures.number(entry.value()),
                    rank(byVisits.get(entry.name())), rank(byMaterials.get(entry.name()))));
        }
        return rows;
    }

    private static Map<String, RankEntry> index(List<RankEntry> entries) {
        Map<String, RankEntry> map = new HashMap<>();
        entries.forEach(e -> map.put(e.name(), e));
        return map;
    }

    private String rank(@Nullable RankEntry entry) {
        return entry == null ? "0" : (entry.approx() ? "约" : "") + figures.number(entry.value());
    }

    /**
     * The 30 days up to {@code to}, day by day as the totals API gives each day: visits
     * in their most used unit over those days, and materials.
     */
    private Trend trend(LocalDate to, Scope scope) {
        LocalDate from = to.minusDays(TREND_DAYS - 1);
        String unit = mainVisitsUnit(from, to, scope);
        long[] visits = new long[TREND_DAYS];
        long[] materials = new long[TREND_DAYS];
        List<DayFigures> days = queries.daily(from, to, scope, VISITS, unit);
        for (int i = 0; i < TREND_DAYS; i++) {
            visits[i] = days.get(i).metric();
            materials[i] = days.get(i).materials();
        }
        return new Trend(from, to, series(config.metrics().label(VISITS), unit, from, visits),
                series(null, config.materials().totalUnit(), from, materials));
    }

    private Series series(@Nullable String label, String unit, LocalDate from, long[] values) {
        long max = 0;
        long total = 0;
        for (long v : values) {
            max = Math.max(max, v);
            total += v;
        }
        double step = CHART_WIDTH / values.length;
        StringBuilder points = new StringBuilder();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            double height = max == 0 ? 0 : values[i] * CHART_HEIGHT / max;
            double x = i * step;
            double y = CHART_HEIGHT - height;
            points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x + step / 2, y));
            bars.add(new Bar(figures.day(from.plusDays(i)), figures.number(values[i]), round(x + 1), round(y),
                    round(height)));
        }
        return new Series(label, unit, points.toString().trim(), figures.number(max), figures.number(total), bars);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private RecordRow recordRow(ActivityRecord r) {
        LocalDateTime when = LocalDateTime.ofInstant(r.source().receivedAt(), zone);
        return new RecordRow(r.id(), r.content().activityDate().toString(),
                r.content().district() + "·" + r.content().unit(),
                r.source().senderName().isBlank() ? r.source().senderId() : r.source().senderName(), when.format(WHEN),
                r.status().wireName(), figures.list(figures.record(r.content())), r.rawText());
    }

    private String exportHref(Request request) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/api/v1/export")
            .queryParam("from", request.from())
            .queryParam("to", request.to());
        if (request.district() != null) {
            b.queryParam("district", request.district());
        }
        return b.queryParam("format", "xlsx").encode().build().toUriString();
    }

    /**
     * The districts' chart under the city's ranking ({@code GET /chart.png}); none in a
     * district's view, or where the machine draws no chart.
     */
    private @Nullable String chartHref(Request request) {
        if (request.district() != null || !chart.available()) {
            return null;
        }
        return UriComponentsBuilder.fromPath("/chart.png")
            .queryParam("from", request.from())
            .queryParam("to", request.to())
            .encode()
            .build()
            .toUriString();
    }

    private List<PeriodLink> periods(Request request, LocalDate today) {
        List<PeriodLink> links = new ArrayList<>();
        link(links, "today", today, today, request);
        link(links, "yesterday", today.minusDays(1), today.minusDays(1), request);
        link(links, "week", today.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)), today, request);
        link(links, "month", today.withDayOfMonth(1), today, request);
        link(links, "last30", today.minusDays(TREND_DAYS - 1), today, request);
        return links;
    }

    private void link(List<PeriodLink> links, String key, LocalDate from, LocalDate to, Request request) {
        links.add(new PeriodLink(key, href(from, to, request.district(), null),
                from.equals(request.from()) && to.equals(request.to())));
    }

    static String href(LocalDate from, LocalDate to, @Nullable String district, @Nullable Long after) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/").queryParam("from", from).queryParam("to", to);
        if (district != null) {
            b.queryParam("district", district);
        }
        if (after != null) {
            b.queryParam("after", after);
        }
        return b.encode().build().toUriString();
    }

}
