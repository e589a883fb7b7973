package cn.cdsw.tallybot.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * Appends rows to one streamed sheet and remembers the widest text of each column, so
 * that the widths can be set when the sheet is done: SXSSF cannot measure columns whose
 * rows have already left memory, and measuring with fonts would need a font the server
 * may lack.
 */
final class SheetWriter {

    /** Excel's unit of column width is 1/256 of a character. */
    private static final int WIDTH_UNIT = 256;

    private static final int MIN_CHARS = 6;

    private static final int MAX_CHARS = 60;

    private final SXSSFSheet sheet;

    private final LedgerStyles styles;

    private final int[] widths;

    private int next;

    private Row row;

    SheetWriter(SXSSFSheet sheet, LedgerStyles styles, List<String> headers) {
        this.sheet = sheet;
        this.styles = styles;
        this.widths = new int[headers.size()];
        this.row = sheet.createRow(next++);
        for (int i = 0; i < headers.size(); i++) {
            text(i, headers.get(i), styles.header());
        }
        sheet.createFreezePane(0, 1);
    }

    /** Rows written, the header included. */
    int rows() {
        return next;
    }

    SheetWriter row() {
        row = sheet.createRow(next++);
        return this;
    }

    SheetWriter text(int column, String value) {
        return text(column, value, null);
    }

    private SheetWriter text(int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
        measure(column, displayWidth(value));
        return this;
    }

    /** A whole number; shown as 约300 when approximate, and still a number. */
    SheetWriter number(int column, long value, boolean approx) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(approx ? styles.approx() : styles.integer());
        measure(column, Long.toString(value).length() + (approx ? 3 : 1));
        return this;
    }

    /** Yuan with two decimals. */
    SheetWriter money(int column, BigDecimal yuan) {
        Cell cell = row.createCell(column);
        cell.setCellValue(yuan.doubleValue());
        cell.setCellStyle(styles.money());
        measure(column, yuan.toPlainString().length() + 4);
        return this;
    }

    SheetWriter date(int column, LocalDate date) {
        Cell cell = row.createCell(column);
        cell.setCellValue(date);
        cell.setCellStyle(styles.date());
        measure(column, 10);
        return this;
    }

    /** Sets each column's width from its widest value, within bounds. */
    void finish() {
        for (int i = 0; i < widths.length; i++) {
            int chars = Math.min(MAX_CHARS, Math.max(MIN_CHARS, widths[i] + 2));
            sheet.setColumnWidth(i, chars * WIDTH_UNIT);
        }
    }

    private void measure(int column, int width) {
        if (column < widths.length && width > widths[column]) {
            widths[column] = width;
        }
    }

    /** A CJK character takes about two Latin ones. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += text.charAt(i) < 0x2E80 ? 1 : 2;
        }
        return width;
    }

}
