package cn.cdsw.tallybot.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.query.DistrictTotals;
import cn.cdsw.tallybot.query.Figures;
import cn.cdsw.tallybot.query.ItemTotal;
import cn.cdsw.tallybot.query.QueryService;
import cn.cdsw.tallybot.query.Totals;
import cn.cdsw.tallybot.query.UnitTotals;
import cn.cdsw.tallybot.report.LedgerEntry;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.storage.Ledger;
import cn.cdsw.tallybot.wording.FigureStyle;
import cn.cdsw.tallybot.wording.LedgerWording;
import cn.cdsw.tallybot.wording.Wording;

/**
 * Makes the ledger of a scope and period (docs/api.md §7). Every figure of 汇总, 物资 and 每日
 * comes from {@link QueryService}, the same code as the totals API and #统计, so the
 * workbook and the API cannot disagree; 明细 streams the active records day by day in id
 * order, each written as it is read, so a year of a million records passes through a
 * block of rows of memory.
 */
@Service
public class LedgerExporter {

    private final QueryService queries;

    private final ReportService reports;

    private final Ledger ledger;

    private final BotConfig config;

    private final LedgerWording wording;

    private final FigureStyle figures;

    private final ExportGate gate;

    LedgerExporter(QueryService queries, ReportService reports, Ledger ledger, BotConfig config, Wording wording,
            ExportGate gate) {
        this.queries = queries;
        this.reports = reports;
        this.ledger = ledger;
        this.config = config;
        this.gate = gate;
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
     * Reads the whole ledger into a workbook in a temporary file, in one read-only
     * transaction so that its sheets agree with each other (on SQLite one snapshot), when
     * the {@link ExportGate} gives it a turn; the caller sends it after the transaction
     * and closes it.
     * @throws ExportBusyException when other ledgers took longer than the wait
     */
    public LedgerFile workbook(LedgerRequest request) {
        return made(LedgerFormat.XLSX, out -> {
            Totals totals = totals(request);
            List<UnitTotals> units = queries.unitTotals(request.from(), request.to(), request.scope());
            XlsxLedger xlsx = new XlsxLedger(out, wording, figures, columns(totals), totals, units);
            try (HandOff<Consumer<XlsxLedger>> writer = new HandOff<>("ledger-writer", step -> step.accept(xlsx))) {
                writer.accept(x -> summary(x, request, totals, units));
                eachRecord(request, entry -> writer.accept(x -> x.record(entry)));
                writer.accept(x -> totals.items().forEach(x::item));
                Map<LocalDate, Figures> days = queries.eachDay(request.from(), request.to(), request.scope());
                writer.accept(x -> days.forEach(x::day));
                writer.finish();
            }
            return xlsx.finish();
        });
    }

    /**
     * The 明细 rows as CSV in a temporary file, read like {@link #workbook} (one snapshot,
     * a turn from the gate) and sent the same way, after the read: a slow download of a
     * year's 100 MB holds no read connection, and a failure midway is an error rather
     * than a truncated file.
     * @throws ExportBusyException when other ledgers took longer than the wait
     */
    public LedgerFile csv(LedgerRequest request) {
        return made(LedgerFormat.CSV, out -> {
            CsvLedger csv = new CsvLedger(out, wording, figures, columns(totals(request)));
            try (HandOff<LedgerEntry> writer = new HandOff<>("ledger-writer", csv::record)) {
                eachRecord(request, writer);
                writer.finish();
            }
            return csv.finish();
        });
    }

    /**
     * Writes a ledger into a temporary file within the gate's turn and one read-only
     * transaction; the file is gone again if the writing fails.
     */
    private LedgerFile made(LedgerFormat format, LedgerWriting writing) {
        try (ExportGate.Pass turn = gate.enter()) {
            return ledger.read(() -> {
                Path file = createTempFile(format);
                try {
                    long records;
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                        records = writing.writeTo(out);
                    }
                    return new LedgerFile(file, records);
                }
                catch (IOException e) {
                    deleteQuietly(file);
                    throw new UncheckedIOException(e);
                }
                catch (RuntimeException | Error e) {
                    deleteQuietly(file);
                    throw e;
                }
            });
        }
    }

    /** Writes a ledger; answers how many records it holds. */
    private interface LedgerWriting {

        long writeTo(OutputStream out) throws IOException;

    }

    /**
     * The total of the scope, then each district, then each unit: what a district office
     * files, and what the totals API says of each.
     */
    private void summary(XlsxLedger xlsx, LedgerRequest request, Totals totals, List<UnitTotals> units) {
        LedgerWording.Headers h = wording.headers();
        String label = request.scope().isCity() ? h.cityTotal() : wording.districtTotal(totals.scope().label());
        xlsx.total(label, "", totals.figures());
        for (DistrictTotals district : totals.byDistrict()) {
            xlsx.total(district.district(), "", district.figures());
        }
        xlsx.totalsGap();
        for (UnitTotals unit : units) {
            xlsx.total(unit.district(), unit.unit(), unit.figures());
        }
    }

    /**
     * Day by day, and within a day by id: 明细 is in date order, and each day is one read
     * of the date index (a year's records in one query ordered by id would be sorted
     * first).
     */
    private void eachRecord(LedgerRequest request, Consumer<LedgerEntry> sink) {
        reports.eachActiveBetween(request.from(), request.to(), request.scope().district(), request.scope().unit(),
                sink);
    }

    /**
     * The metric columns: the dictionary's, then any the period holds that it no longer
     * lists.
     */
    private List<MetricColumn> columns(Totals totals) {
        return MetricColumn.of(config.metrics().all(), totals.figures().metrics());
    }

    private static Path createTempFile(LedgerFormat format) {
        try {
            return Files.createTempFile("tallybot-ledger-", "." + format.extension());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException alreadyFailing) {
            // the temporary directory's own clean-up takes it
        }
    }

}
