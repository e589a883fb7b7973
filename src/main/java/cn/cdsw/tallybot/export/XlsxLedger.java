package cn.cdsw.tallybot.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import cn.cdsw.tallybot.query.DistrictTotals;
import cn.cdsw.tallybot.query.Figures;
import cn.cdsw.tallybot.query.ItemTotal;
import cn.cdsw.tallybot.query.MetricTotal;
import cn.cdsw.tallybot.query.Totals;
import cn.cdsw.tallybot.query.UnitTotals;
import cn.cdsw.tallybot.report.LedgerEntry;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.ReportContent;
import cn.cdsw.tallybot.wording.FigureStyle;
import cn.cdsw.tallybot.wording.LedgerWording;

/**
 * Writes the four sheets of a ledger with fastexcel, straight into the {@code .xlsx}
 * stream as they are filled: one sheet at a time, in tab order — 汇总, 明细, 物资, 每日, the
 * order the calls must come in — with a block of rows in memory, each sheet compressed
 * once on its way out. District, unit and category names go to the workbook's string
 * table (they repeat on every row); notes, items and reporters are written in their
 * cells, so that nothing in memory grows with the record count. A sheet holds at most
 * 1,048,576 rows, so 明细 continues in 明细2, 明细3, … beyond; those tabs are made up front,
 * from the summary's record count, to stay in order.
 */
final class XlsxLedger {

    /** Record rows a sheet holds under its header. */
    static final int RECORDS_PER_SHEET = Worksheet.MAX_ROWS - 1;

    /**
     * Deflate level of the file: the fastest costs about a quarter of the time of the
     * library's default for a somewhat larger file (bench/README.md).
     */
    private static final int COMPRESSION = 1;

    /** The sheets, in the order they are written. */
    private enum Stage {

        TOTALS, RECORDS, ITEMS, DAILY, DONE

    }

    private final Workbook workbook;

    private final int recordsPerSheet;

    private final LedgerWording wording;

    private final LedgerWording.Headers h;

    private final FigureStyle figures;

    private final List<MetricColumn> columns;

    private final LedgerFormats formats;

    private final Widths widths;

    private final List<Worksheet> recordSheets = new ArrayList<>();

    private final Worksheet itemsSheet;

    private final Worksheet dailySheet;

    private Stage stage = Stage.TOTALS;

    private SheetWriter current;

    private int recordSheet;

    private long recordCount;

    /**
     * A workbook written to {@code out} for a period whose summary is {@code totals} and
     * whose units are {@code units}: they size the columns of 汇总 and 明细 and tell how many
     * 明细 sheets it takes.
     */
    XlsxLedger(OutputStream out, LedgerWording wording, FigureStyle figures, List<MetricColumn> columns, Totals totals,
            List<UnitTotals> units) {
        this(out, wording, figures, columns, totals, units, RECORDS_PER_SHEET);
    }

    /** A workbook whose 明细 sheets hold {@code recordsPerSheet} records each. */
    XlsxLedger(OutputStream out, LedgerWording wording, FigureStyle figures, List<MetricColumn> columns, Totals totals,
            List<UnitTotals> units, int recordsPerSheet) {
        this.recordsPerSheet = recordsPerSheet;
        this.workbook = new Workbook(out, "tallybot", null);
        this.workbook.setCompressionLevel(COMPRESSION);
        this.wording = wording;
        this.h = wording.headers();
        this.figures = figures;
        this.columns = columns;
        this.formats = LedgerFormats.of(h.approxFormat());
        this.widths = Widths.of(wording, columns, totals, units);
        Worksheet totalsSheet = workbook.newWorksheet(h.totalsSheet());
        long expected = totals.figures().reports();
        long recordSheets = Math.max(1, (expected + recordsPerSheet - 1) / recordsPerSheet);
        for (int i = 0; i < recordSheets; i++) {
            this.recordSheets.add(workbook.newWorksheet(recordSheetName(i)));
        }
        this.itemsSheet = workbook.newWorksheet(h.itemsSheet());
        this.dailySheet = workbook.newWorksheet(h.dailySheet());
        this.current = new SheetWriter(totalsSheet, figureHeaders(List.of(h.district(), h.unit())));
        current.atLeast(0, widths.district());
        current.atLeast(1, widths.unit());
        fitFigures(current, 2);
    }

    /**
     * A row of 汇总: a district (unit blank), a unit, or a total (its label as district).
     */
    void total(String district, String unit, Figures f) {
        SheetWriter sheet = at(Stage.TOTALS);
        sheet.row().name(0, district).name(1, unit);
        figures(sheet, 2, f);
    }

    /** The blank line between the districts and their units. */
    void totalsGap() {
        at(Stage.TOTALS).row();
    }

    void record(LedgerEntry entry) {
        SheetWriter sheet = at(Stage.RECORDS);
        if (sheet.rows() > recordsPerSheet) {
            sheet.finish();
            recordSheet++;
            if (recordSheet == recordSheets.size()) {
                // more records than the summary counted: not in one snapshot, and a tab
                // out of order is better than a lost row
                recordSheets.add(workbook.newWorksheet(recordSheetName(recordSheet)));
            }
            sheet = current = recordWriter(recordSheets.get(recordSheet));
        }
        RecordRow row = RecordRow.of(entry, columns, wording, figures);
        ReportContent c = entry.content();
        sheet.row().date(0, c.activityDate(), formats.date()).name(1, c.district()).name(2, c.unit());
        sheet.name(3, c.category());
        int at = 4;
        for (Metric m : row.metrics()) {
            if (m != null) {
                sheet.number(at, m.value(), m.approx() ? formats.approx() : null);
            }
            at++;
        }
        sheet.text(at++, row.items());
        if (c.materialsTotal() != null) {
            sheet.number(at, c.materialsTotal(), null);
        }
        at++;
        if (c.valueYuan() != null) {
            sheet.money(at, c.valueYuan(), formats.money());
        }
        at++;
        sheet.text(at++, row.approx());
        sheet.text(at++, c.note());
        sheet.name(at++, entry.reporter());
        sheet.number(at, entry.id(), null);
        recordCount++;
    }

    void item(ItemTotal item) {
        SheetWriter sheet = at(Stage.ITEMS);
        sheet.row()
            .name(0, item.name())
            .name(1, item.unit())
            .number(2, item.quantity(), formats.integer(item.approx()));
        if (item.approx()) {
            sheet.name(3, h.approxMark());
        }
    }

    void day(LocalDate date, Figures f) {
        SheetWriter sheet = at(Stage.DAILY);
        sheet.row().date(0, date, formats.date());
        figures(sheet, 1, f);
    }

    /**
     * Completes the file, with any sheet that got no rows as a header alone; the stream
     * it was written to is left open. Returns how many records 明细 holds.
     */
    long finish() {
        at(Stage.DONE);
        try {
            workbook.finish();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return recordCount;
    }

    /** The writer of {@code wanted}, after completing every sheet before it. */
    private SheetWriter at(Stage wanted) {
        if (wanted.ordinal() < stage.ordinal()) {
            throw new IllegalStateException("the ledger's " + wanted + " come before its " + stage);
        }
        while (stage != wanted) {
            current.finish();
            if (stage == Stage.RECORDS) {
                // tabs made for records that never came
                while (++recordSheet < recordSheets.size()) {
                    recordWriter(recordSheets.get(recordSheet)).finish();
                }
            }
            stage = Stage.values()[stage.ordinal() + 1];
            current = switch (stage) {
                case RECORDS -> recordWriter(recordSheets.get(recordSheet));
                case ITEMS ->
                    new SheetWriter(itemsSheet, List.of(h.itemName(), h.itemUnit(), h.quantity(), h.approx()));
                case DAILY -> fitFigures(new SheetWriter(dailySheet, figureHeaders(List.of(h.date()))), 1);
                case TOTALS, DONE -> current;
            };
        }
        return current;
    }

    private SheetWriter recordWriter(Worksheet sheet) {
        SheetWriter writer = new SheetWriter(sheet, RecordRow.headers(h, columns, wording));
        writer.atLeast(1, widths.district());
        writer.atLeast(2, widths.unit());
        int at = 4;
        for (int i = 0; i < columns.size(); i++) {
            writer.atLeast(at++, widths.metric(i));
        }
        writer.atLeast(at + 1, widths.materials());
        writer.atLeast(at + 2, widths.value());
        return writer;
    }

    private String recordSheetName(int index) {
        return index == 0 ? h.recordsSheet() : h.recordsSheet() + (index + 1);
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

    private void figures(SheetWriter sheet, int first, Figures f) {
        sheet.number(first, f.reports(), formats.integer()).number(first + 1, f.units(), formats.integer());
        int at = first + 2;
        for (MetricColumn column : columns) {
            MetricTotal total = f.metrics().stream().filter(column::holds).findFirst().orElse(null);
            sheet.number(at++, total == null ? 0 : total.value(), formats.integer(total != null && total.approx()));
        }
        sheet.number(at++, f.materialsTotal(), formats.integer());
        sheet.money(at, f.valueYuan(), formats.money());
    }

    /** Sizes the figure columns starting at {@code first} for the period's totals. */
    private SheetWriter fitFigures(SheetWriter sheet, int first) {
        int at = first + 2;
        for (int i = 0; i < columns.size(); i++) {
            sheet.atLeast(at++, widths.metric(i));
        }
        sheet.atLeast(at++, widths.materials());
        sheet.atLeast(at, widths.value());
        return sheet;
    }

    /**
     * The widest a column can need, known from the summary before any row: no district,
     * unit or single figure of the period is wider than the widest of the totals.
     */
    private record Widths(int district, int unit, int[] metrics, int materials, int value) {

        static Widths of(LedgerWording wording, List<MetricColumn> columns, Totals totals, List<UnitTotals> units) {
            int district = SheetWriter.displayWidth(wording.districtTotal(totals.scope().label()));
            for (DistrictTotals d : totals.byDistrict()) {
                district = Math.max(district, SheetWriter.displayWidth(d.district()));
            }
            int unit = units.stream().mapToInt(u -> SheetWriter.displayWidth(u.unit())).max().orElse(0);
            int[] metrics = columns.stream()
                .mapToInt(c -> grouped(totals.figures().metric(c.key(), c.unit())) + APPROX)
                .toArray();
            return new Widths(district, unit, metrics, grouped(totals.figures().materialsTotal()),
                    grouped(totals.figures().valueYuan().longValue()) + 3);
        }

        /** The 约 of an approximate figure's format. */
        private static final int APPROX = 2;

        int metric(int column) {
            return metrics[column];
        }

        /** Characters of a whole number with thousands separators. */
        private static int grouped(long value) {
            int digits = Long.toString(value).length();
            return digits + (digits - 1) / 3;
        }

    }

}
