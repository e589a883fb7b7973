package cn.cdsw.tallybot.summary;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.query.QueryService;
import cn.cdsw.tallybot.query.Scope;
import cn.cdsw.tallybot.query.Totals;
import cn.cdsw.tallybot.wording.ReportSpan;
import cn.cdsw.tallybot.wording.SummaryTexts;
import cn.cdsw.tallybot.wording.Wording;

/**
 * Composes the weekly and monthly reports (docs/daily-summary.md §10) from the rollups:
 * the period's totals, the district ranking, the change against the period before and the
 * units that never reported in the period, with the same chart as the evening post. It
 * keeps nothing: figures that change after a report went out show up in the daily posts'
 * 更正 lines, and the next report is composed from the records afresh.
 */
@Component
class PeriodReportComposer implements PeriodComposer {

    private final QueryService queries;

    private final SummaryTexts text;

    private final CityChart chart;

    private final long changeMinBase;

    PeriodReportComposer(QueryService queries, Wording wording, CityChart chart, SummaryProperties properties) {
        this.queries = queries;
        this.text = wording.summary();
        this.chart = chart;
        this.changeMinBase = properties.changeMinBase();
    }

    @Override
    public DailySummary compose(PostKind kind, LocalDate start, boolean catchUp) {
        if (kind == PostKind.DAILY) {
            throw new IllegalArgumentException("the daily summary has its own composer");
        }
        LocalDate from = kind.start(start);
        LocalDate to = kind.end(from);
        LocalDate before = kind.previous(from);
        ReportSpan span = kind == PostKind.MONTHLY ? ReportSpan.MONTH : ReportSpan.WEEK;
        Totals totals = queries.totals(from, to, Scope.CITY);
        Totals previous = queries.totals(before, kind.end(before), Scope.CITY);
        String body = text.compose(new SummaryTexts.Report(span, from, catchUp, totals, previous,
                queries.missing(from, to, null), changeMinBase));
        return new DailySummary(from, body, chart.render(span, from, totals), catchUp, kind);
    }

}
