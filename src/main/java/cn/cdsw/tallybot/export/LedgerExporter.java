package cn.cdsw.tallybot.export;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.query.DistrictTotals;
import cn.cdsw.tallybot.query.ItemTotal;
import cn.cdsw.tallybot.query.QueryService;
import cn.cdsw.tallybot.query.Totals;
import cn.cdsw.tallybot.query.UnitTotals;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.RecordFilter;
import cn.cdsw.tallybot.report.RecordStatus;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.storage.Ledger;
import cn.cdsw.tallybot.wording.FigureStyle;
import cn.cdsw.tallybot.wording.LedgerWording;
import cn.cdsw.tallybot.wording.Wording;

/**
 * Makes the ledger of a scope and period (docs/api.md §7). Every figure of 汇总, 物资 and 每日
 * comes from {@link QueryService}, the same code as the totals API and #统计, so the
 * workbook and the API cannot disagree; 明细 reads the active records a page at a time, day
 * by day in id order (a keyset, never an offset), so a year of a million records passes
 * through a few pages of memory.
 */
@Service
public class LedgerExporter {

    /** Records read per query of 明细. */
    static final int PAGE = 1000;

    private final QueryService queries;

    private final ReportService reports;

    private final Ledger ledger;

    private final BotConfig config;

    private final LedgerWording wording;

    private final FigureStyle figures;

    LedgerExporter(QueryService queries, ReportService reports, Ledger ledger, BotConfig config, Wording wording) {
        this.queries = queries;
        this.reports = reports;
        this.ledger = ledger;
        this.config = config;
        this.wording = wording.ledger();
        this.figures = wording.figures();
    }

    /** The totals the ledger's 汇总 starts with: what the totals API answers. */
    public Totals totals(LedgerRequest request) {
        return queries.totals(request.from(), request.to(), request.scope());
    }

    /** 台账_锦江区_2026-11-01_2026-11-30.xlsx */
    public String fileName(LedgerRequest request, LedgerFormat format) {
        return wording.fileName(request.scope(), request.from(), request.to()) + "." + format.extension();
    }

    /**
     * Reads the whole ledger into a workbook, in one read-only transaction so that its
     * sheets agree with each other (on SQLite one snapshot); the caller writes it out
     * after the transaction and closes it.
     */
    public LedgerWorkbook workbook(LedgerRequest request) {
        return ledger.read(() -> {
            Totals totals = totals(request);
            List<MetricColumn> columns = MetricColumn.of(config.metrics().all(), totals.figures().metrics());
            XlsxLedger xlsx = new XlsxLedger(wording, figures, columns);
            try {
                summary(xlsx, request, totals);
                eachRecord(request, xlsx::record);
                for (ItemTotal item : totals.items()) {
                    xlsx.item(item);
                }
                for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
                    xlsx.day(day, queries.totals(day, day, request.scope()).figures());
                }
                return xlsx.done();
            }
            catch (RuntimeException | Error e) {
                xlsx.abandon();
                throw e;
            }
        });
    }

    /**
     * Writes the 明细 rows as CSV to {@code out} as they are read; the stream is flushed,
     * not closed.
     */
    public void writeCsv(LedgerRequest request, OutputStream out) {
        Totals totals = totals(request);
        CsvLedger csv = new CsvLedger(out, wording, figures,
                MetricColumn.of(config.metrics().all(), totals.figures().metrics()));
        eachRecord(request, csv::record);
        csv.finish();
    }

    /**
     * The total of the scope, then each district, then each unit: what a district office
     * files, and what the totals API says of each.
     */
    private void summary(XlsxLedger xlsx, LedgerRequest request, Totals totals) {
        LedgerWording.Headers h = wording.headers();
        String label = request.scope().isCity() ? h.cityTotal() : wording.districtTotal(totals.scope().label());
        xlsx.total(label, "", totals.figures());
        for (DistrictTotals district : totals.byDistrict()) {
            xlsx.total(district.district(), "", district.figures());
        }
        xlsx.totalsGap();
        for (UnitTotals unit : queries.unitTotals(request.from(), request.to(), request.scope())) {
            xlsx.total(unit.district(), unit.unit(), unit.figures());
        }
    }

    /**
     * Day by day, and within a day by id from the last one read: a keyset on (date, id),
     * so 明细 is in date order and each query reads one day's rows by the date index. One
     * query over the whole period ordered by id would sort every row of the period for
     * each page: a year's export spent minutes sorting.
     */
    private void eachRecord(LedgerRequest request, Consumer<ActivityRecord> sink) {
        for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
            RecordFilter filter = new RecordFilter(day, day, request.scope().district(), request.scope().unit(),
                    RecordStatus.ACTIVE);
            long after = 0;
            while (true) {
                List<ActivityRecord> page = reports.page(filter, after, PAGE);
                page.forEach(sink);
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
        }
    }

}
