package cn.cdsw.tallybot.summary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.District;
import cn.cdsw.tallybot.query.DistrictTotals;
import cn.cdsw.tallybot.query.MetricTotal;
import cn.cdsw.tallybot.query.QueryService;
import cn.cdsw.tallybot.query.Scope;
import cn.cdsw.tallybot.query.Totals;
import cn.cdsw.tallybot.wording.ChartLabels;
import cn.cdsw.tallybot.wording.SummaryTexts;
import cn.cdsw.tallybot.wording.Wording;

/**
 * Composes the evening post from the stored records, with its chart; remembers what each
 * post published so that changes to days already posted come out as 更正 lines in the next
 * post (docs/daily-summary.md §2), and a day posted again on request as 重发 with what
 * changed since (§7).
 */
@Component
class DailySummaryComposer implements SummaryComposer {

    private static final Logger log = LoggerFactory.getLogger(DailySummaryComposer.class);

    static final int CORRECTION_DAYS = 7;

    private static final TypeReference<Map<String, Long>> FIGURES = new TypeReference<>() {
    };

    private final QueryService queries;

    private final SummarySnapshotRepository snapshots;

    /**
     * Null while images are off ({@code tallybot.summary.images=false}: no chart drawn,
     * no font looked up) or when the machine has no Chinese font: a chart of empty boxes
     * would be worse than none.
     */
    private final @Nullable SummaryChart chart;

    private final SummaryTexts text;

    private final Clock clock;

    private final long changeMinBase;

    private final List<String> districts;

    private final JsonMapper json = JsonMapper.builder().build();

    private final Map<LocalDate, Map<LocalDate, PublishedFigures>> composed = new ConcurrentHashMap<>();

    DailySummaryComposer(QueryService queries, SummarySnapshotRepository snapshots, Wording wording,
            SummaryProperties properties, BotConfig config, Clock clock) {
        this.queries = queries;
        this.snapshots = snapshots;
        this.text = wording.summary();
        this.chart = chart(properties.images(), CjkFont::installed, wording.chart(), properties.chartOrder());
        this.districts = config.districts().all().stream().map(District::name).toList();
        this.clock = clock;
        this.changeMinBase = properties.changeMinBase();
    }

    /**
     * The chart to attach, if any; says once, at start-up, why a machine without a
     * Chinese font posts none.
     */
    static @Nullable SummaryChart chart(boolean images, Supplier<Optional<String>> fonts, ChartLabels labels) {
        return chart(images, fonts, labels, ChartOrder.FIGURE);
    }

    static @Nullable SummaryChart chart(boolean images, Supplier<Optional<String>> fonts, ChartLabels labels,
            ChartOrder order) {
        if (!images) {
            return null;
        }
        Optional<String> font = fonts.get();
        if (font.isEmpty()) {
            log.warn("No Chinese font is installed, so the daily summary is posted as text only. To attach its chart, "
                    + "install one (Debian/Ubuntu: apt-get install {}) and restart; to silence this, set "
                    + "TALLYBOT_SUMMARY_IMAGES=false", CjkFont.PACKAGE);
            return null;
        }
        return new SummaryChart(font.get(), labels, order);
    }

    @Override
    public DailySummary compose(LocalDate date, boolean catchUp) {
        return compose(date, catchUp, false);
    }

    /**
     * A date with a snapshot of its own was posted before (a snapshot is saved only once
     * a post reached a group), so posting it again says 重发 and compares with that
     * snapshot. Only a person's request can post a day again: the scheduled post reaches
     * each group once, and a group that gets it late by a retry gets it for the first
     * time.
     */
    @Override
    public DailySummary composeOnRequest(LocalDate date) {
        return compose(date, false, true);
    }

    private DailySummary compose(LocalDate date, boolean catchUp, boolean onRequest) {
        Totals today = queries.totals(date, date, Scope.CITY);
        Totals dayBefore = queries.totals(date.minusDays(1), date.minusDays(1), Scope.CITY);
        Map<LocalDate, PublishedFigures> toPublish = new LinkedHashMap<>();
        PublishedFigures published = PublishedFigures.of(today.figures());
        toPublish.put(date, published);
        SummaryTexts.@Nullable Repost repost = null;
        if (onRequest) {
            String before = snapshots.between(date, date).get(date);
            repost = before == null ? null : new SummaryTexts.Repost(
                    differences(new PublishedFigures(json.readValue(before, FIGURES)), published));
        }
        List<SummaryTexts.Correction> corrections = corrections(date, toPublish, dayBefore);
        composed.put(date, toPublish);
        String body = text.compose(new SummaryTexts.Day(date, catchUp, today, dayBefore, queries.missing(date, null),
                corrections, changeMinBase, repost));
        return new DailySummary(date, body, chart == null ? null : chart.render(date, bars(today, districts)), catchUp);
    }

    @Override
    public void posted(DailySummary summary) {
        Map<LocalDate, PublishedFigures> published = composed.remove(summary.date());
        if (published == null) {
            published = Map.of(summary.date(),
                    PublishedFigures.of(queries.totals(summary.date(), summary.date(), Scope.CITY).figures()));
        }
        published
            .forEach((day, figures) -> snapshots.save(day, json.writeValueAsString(figures.values()), clock.instant()));
    }

    /**
     * Lines for days already posted whose figures changed since; those days' new figures
     * get published too. {@code dayBefore}, read for the comparison line already, is not
     * read again.
     */
    private List<SummaryTexts.Correction> corrections(LocalDate date, Map<LocalDate, PublishedFigures> toPublish,
            Totals dayBefore) {
        List<SummaryTexts.Correction> lines = new ArrayList<>();
        snapshots.between(date.minusDays(CORRECTION_DAYS), date.minusDays(1)).forEach((day, stored) -> {
            PublishedFigures before = new PublishedFigures(json.readValue(stored, FIGURES));
            Totals totals = day.equals(dayBefore.from()) ? dayBefore : queries.totals(day, day, Scope.CITY);
            PublishedFigures now = PublishedFigures.of(totals.figures());
            List<SummaryTexts.Change> changes = differences(before, now);
            if (!changes.isEmpty()) {
                lines.add(new SummaryTexts.Correction(day, changes));
                toPublish.put(day, now);
            }
        });
        return lines;
    }

    private static List<SummaryTexts.Change> differences(PublishedFigures before, PublishedFigures now) {
        List<SummaryTexts.Change> changes = new ArrayList<>();
        for (String key : new TreeSet<>(union(before, now))) {
            if (before.get(key) == now.get(key)) {
                continue;
            }
            String[] parts = key.split("\\|");
            changes.add(parts.length == 2 ? new SummaryTexts.Change(parts[0], parts[1], before.get(key), now.get(key))
                    : new SummaryTexts.Change(null, null, before.get(key), now.get(key)));
        }
        return changes;
    }

    private static List<String> union(PublishedFigures a, PublishedFigures b) {
        List<String> keys = new ArrayList<>(a.values().keySet());
        keys.addAll(b.values().keySet());
        return keys;
    }

    /**
     * The chart's chart, null without images or a Chinese font; shared by the reports.
     */
    @Nullable SummaryChart chart() {
        return chart;
    }

    /**
     * One bar per district of {@code districts} (districts.yml, in its order), zero where
     * a district reported nothing, then any other district the totals hold.
     */
    static List<DistrictBar> bars(Totals totals, List<String> districts) {
        Map<String, DistrictBar> bars = new LinkedHashMap<>();
        districts.forEach(d -> bars.put(d, new DistrictBar(d, Map.of(), 0)));
        for (DistrictTotals d : totals.byDistrict()) {
            Map<String, Long> visits = new LinkedHashMap<>();
            for (MetricTotal m : d.figures().metrics()) {
                if (m.key().equals(SummaryTexts.HEADLINE_METRIC)) {
                    visits.put(m.unit(), m.value());
                }
            }
            bars.put(d.district(), new DistrictBar(d.district(), visits, d.figures().materialsTotal()));
        }
        return new ArrayList<>(bars.values());
    }

}
