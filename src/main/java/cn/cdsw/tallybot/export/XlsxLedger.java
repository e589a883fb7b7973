package cn.cdsw.tallybot.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.cdsw.tallybot.query.Figures;
import cn.cdsw.tallybot.query.ItemTotal;
import cn.cdsw.tallybot.query.MetricTotal;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.ReportContent;
import cn.cdsw.tallybot.wording.FigureStyle;
import cn.cdsw.tallybot.wording.LedgerWording;

/**
 * Writes the four sheets of a ledger with Apache POI's streaming SXSSF: only a window of
 * {@value #WINDOW} rows per sheet stays in memory, the rest goes to gzip-compressed
 * temporary files (a year's 明细 is about a gigabyte of XML; uncompressed, the disk writes
 * made the export slower, not faster: bench/README.md), and strings are written inline
 * rather than into a shared table that would grow with every note. The sheets may be
 * filled in any order; their tabs stay 汇总, 明细, 物资, 每日. A sheet holds at most 1,048,576
 * rows, so 明细 continues in 明细2, 明细3, … beyond.
 */
final class XlsxLedger {

    /** Rows of one sheet kept in memory before they are flushed to disk. */
    static final int WINDOW = 200;

    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW, true, false);

    private final LedgerWording wording;

    private final LedgerWording.Headers h;

    private final FigureStyle figures;

    private final List<MetricColumn> columns;

    private final LedgerStyles styles;

    private final SheetWriter totals;

    private final List<SheetWriter> records = new ArrayList<>();

    private final SheetWriter items;

    private final SheetWriter daily;

    private final List<String> recordHeaders;

    private long recordCount;

    XlsxLedger(LedgerWording wording, FigureStyle figures, List<MetricColumn> columns) {
        this.wording = wording;
        this.h = wording.headers();
        this.figures = figures;
        this.columns = columns;
        this.styles = LedgerStyles.of(workbook, h.approxFormat());
        this.totals = new SheetWriter(sheet(h.totalsSheet()), styles, figureHeaders(List.of(h.district(), h.unit())));
        this.recordHeaders = RecordRow.headers(h, columns, wording);
        this.records.add(new SheetWriter(sheet(h.recordsSheet()), styles, recordHeaders));
        this.items = new SheetWriter(sheet(h.itemsSheet()), styles,
                List.of(h.itemName(), h.itemUnit(), h.quantity(), h.approx()));
        this.daily = new SheetWriter(sheet(h.dailySheet()), styles, figureHeaders(List.of(h.date())));
    }

    private SXSSFSheet sheet(String name) {
        return workbook.createSheet(name);
    }

    private List<String> figureHeaders(List<String> leading) {
        List<String> headers = new ArrayList<>(leading);
        headers.add(h.reports());
        headers.add(h.units());
        columns.forEach(c -> headers.add(wording.metricColumn(c.key(), c.unit())));
        headers.add(h.materials());
        headers.add(h.value());
        return headers;
    }

    /**
     * A row of 汇总: a district (unit blank), a unit, or a total (its label as district).
     */
    void total(String district, String unit, Figures f) {
        totals.row().text(0, district).text(1, unit);
        figures(totals, 2, f);
    }

    /** The blank line between the districts and their units. */
    void totalsGap() {
        totals.row();
    }

    void item(ItemTotal item) {
        items.row().text(0, item.name()).text(1, item.unit()).number(2, item.quantity(), item.approx());
        if (item.approx()) {
            items.text(3, h.approxMark());
        }
    }

    void day(LocalDate date, Figures f) {
        daily.row().date(0, date);
        figures(daily, 1, f);
    }

    void record(ActivityRecord record) {
        SheetWriter sheet = records.get(records.size() - 1);
        if (sheet.rows() >= MAX_ROWS) {
            SXSSFSheet more = sheet(h.recordsSheet() + (records.size() + 1));
            workbook.setSheetOrder(more.getSheetName(), records.size() + 1);
            sheet = new SheetWriter(more, styles, recordHeaders);
            records.add(sheet);
        }
        RecordRow row = RecordRow.of(record, columns, wording, figures, h);
        ReportContent c = record.content();
        sheet.row().date(0, c.activityDate()).text(1, c.district()).text(2, c.unit());
        if (c.category() != null) {
            sheet.text(3, c.category());
        }
        int at = 4;
        for (Metric m : row.metrics()) {
            if (m != null) {
                sheet.number(at, m.value(), m.approx());
            }
            at++;
        }
        sheet.text(at++, row.items());
        if (c.materialsTotal() != null) {
            sheet.number(at, c.materialsTotal(), false);
        }
        at++;
        if (c.valueYuan() != null) {
            sheet.money(at, c.valueYuan());
        }
        at++;
        sheet.text(at++, row.approx());
        sheet.text(at++, c.note() == null ? "" : c.note());
        sheet.text(at++, record.source().senderName());
        sheet.number(at, record.id(), false);
        recordCount++;
    }

    /** The workbook with every column sized, ready to write. */
    LedgerWorkbook done() {
        totals.finish();
        records.forEach(SheetWriter::finish);
        items.finish();
        daily.finish();
        return new LedgerWorkbook(workbook, recordCount);
    }

    /** Drops the temporary files of a workbook that will not be written. */
    void abandon() {
        new LedgerWorkbook(workbook, recordCount).closeQuietly();
    }

    private void figures(SheetWriter sheet, int first, Figures f) {
        sheet.number(first, f.reports(), false).number(first + 1, f.units(), false);
        int at = first + 2;
        for (MetricColumn column : columns) {
            MetricTotal total = f.metrics().stream().filter(column::holds).findFirst().orElse(null);
            sheet.number(at++, total == null ? 0 : total.value(), total != null && total.approx());
        }
        sheet.number(at++, f.materialsTotal(), false);
        sheet.money(at, f.valueYuan());
    }

}
