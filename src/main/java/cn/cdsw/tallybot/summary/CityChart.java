package cn.cdsw.tallybot.summary;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.District;
import cn.cdsw.tallybot.query.QueryService;
import cn.cdsw.tallybot.query.Scope;
import cn.cdsw.tallybot.query.Totals;
import cn.cdsw.tallybot.wording.ReportSpan;

/**
 * The evening post's chart of the city — every district, ordered and drawn the same way —
 * for any range of days, so that the web desk shows what the groups get, and for the
 * weekly and monthly reports. There is none where the posts have none: images off, or no
 * Chinese font on the machine.
 */
@Component
public class CityChart {

    private final QueryService queries;

    private final @Nullable SummaryChart chart;

    private final List<String> districts;

    CityChart(QueryService queries, DailySummaryComposer daily, BotConfig config) {
        this.queries = queries;
        this.chart = daily.chart();
        this.districts = config.districts().all().stream().map(District::name).toList();
    }

    /** Whether {@link #render} draws anything here. */
    public boolean available() {
        return chart != null;
    }

    /** The city's chart from {@code from} to {@code to} as a PNG, where one is drawn. */
    public Optional<byte[]> render(LocalDate from, LocalDate to) {
        if (chart == null) {
            return Optional.empty();
        }
        return Optional
            .of(chart.render(from, to, DailySummaryComposer.bars(queries.totals(from, to, Scope.CITY), districts)));
    }

    /**
     * The chart of the week or month starting on {@code start} whose city totals are
     * {@code totals}, or null where none is drawn.
     */
    byte @Nullable [] render(ReportSpan span, LocalDate start, Totals totals) {
        return chart == null ? null : chart.render(span, start, DailySummaryComposer.bars(totals, districts));
    }

}
