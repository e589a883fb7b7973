package cn.cdsw.tallybot.wording;

import java.time.LocalDate;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.query.Period;
import cn.cdsw.tallybot.query.Scope;

/**
 * The words of the Excel ledger (台账) and its CSV: sheet names, column headers, the file
 * name; and the chat replies of #导出. The workbook's figures are numbers, never text, so
 * nothing here prints a figure but the counts in the replies.
 */
public final class LedgerWording {

    private final BotConfig config;

    private final FigureStyle figures;

    private final QueryReplies queries;

    private final Template fileName;

    private final Template districtTotal;

    private final Template metric;

    private final Template sending;

    private final Template sendingPrivate;

    private final Template empty;

    private final Template tooLarge;

    private final Template failed;

    private final String noFiles;

    private final Headers headers;

    LedgerWording(Catalogue c, BotConfig config, FigureStyle figures, QueryReplies queries) {
        this.config = config;
        this.figures = figures;
        this.queries = queries;
        fileName = c.template("ledger.file-name", "scope", "from", "to");
        districtTotal = c.template("ledger.district-total", "district");
        metric = c.template("ledger.metric", "what", "unit");
        sending = c.template("ledger.sending", "scope", "period", "reports");
        sendingPrivate = c.template("ledger.sending-private", "scope", "period", "reports");
        empty = c.template("ledger.empty", "scope", "period", "span");
        tooLarge = c.template("ledger.too-large", "scope", "period", "reports", "limit");
        failed = c.template("ledger.failed", "file");
        noFiles = c.text("ledger.no-files");
        headers = new Headers(c.text("ledger.sheet-totals"), c.text("ledger.sheet-records"),
                c.text("ledger.sheet-items"), c.text("ledger.sheet-daily"), c.text("ledger.city-total"),
                c.text("ledger.district"), c.text("ledger.unit"), c.text("ledger.category"), c.text("ledger.date"),
                c.text("ledger.reports"), c.text("ledger.units"), c.text("ledger.materials"), c.text("ledger.value"),
                c.text("ledger.items"), c.text("ledger.note"), c.text("ledger.reporter"), c.text("ledger.record-id"),
                c.text("ledger.approx"), c.text("ledger.item-name"), c.text("ledger.item-unit"),
                c.text("ledger.quantity"), c.text("ledger.approx-mark"), c.text("ledger.approx-format"));
    }

    /**
     * The fixed words of the workbook: sheet names, headers, the city's total row, and
     * the Excel number format of an approximate figure.
     */
    public record Headers(String totalsSheet, String recordsSheet, String itemsSheet, String dailySheet,
            String cityTotal, String district, String unit, String category, String date, String reports, String units,
            String materials, String value, String items, String note, String reporter, String recordId, String approx,
            String itemName, String itemUnit, String quantity, String approxMark, String approxFormat) {
    }

    public Headers headers() {
        return headers;
    }

    /**
     * 走访(户): the header of one metric in one unit; the key itself for a metric no longer
     * configured.
     */
    public String metricColumn(String key, String unit) {
        String what = config.metrics().byKey(key).map(m -> m.label()).orElse(key);
        return metric.fill(what, unit);
    }

    /** The row that sums one district's units. */
    public String districtTotal(String district) {
        return districtTotal.fill(district);
    }

    /** 台账_锦江区_2026-11-01_2026-11-30, without the extension. */
    public String fileName(Scope scope, LocalDate from, LocalDate to) {
        return fileName.fill(queries.scope(scope), from.toString(), to.toString());
    }

    /**
     * #导出 accepted: the workbook of so many records is on its way, as a group file or,
     * asked in a private chat, as a file there.
     */
    public String sending(Scope scope, Period period, long reports, boolean inPrivate) {
        return (inPrivate ? sendingPrivate : sending).fill(queries.scope(scope), period.label(),
                figures.number(reports));
    }

    /** #导出 over a period without a record. */
    public String empty(Scope scope, Period period) {
        return empty.fill(queries.scope(scope), period.label(), figures.span(period.from(), period.to()));
    }

    /** #导出 of more records than a chat export may hold, and what to do instead. */
    public String tooLarge(Scope scope, Period period, long reports, long limit) {
        return tooLarge.fill(queries.scope(scope), period.label(), figures.number(reports), figures.number(limit));
    }

    /** #导出 where the platform cannot take a file. */
    public String noFiles() {
        return noFiles;
    }

    /** The workbook could not be sent. */
    public String failed(String file) {
        return failed.fill(file);
    }

}
