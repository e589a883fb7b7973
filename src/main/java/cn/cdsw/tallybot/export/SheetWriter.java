package cn.cdsw.tallybot.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Appends rows to one sheet and hands them to the workbook's stream a block at a time, so
 * that a sheet of a million rows holds a block in memory.
 *
 * <p>
 * Column widths must be known before the first block is written (they precede the rows in
 * the file), so they are measured on the rows of that block, at least as wide as the
 * floors given beforehand (the widest district, unit or total a summary already knows); a
 * sheet of one block is measured on every row. Widths are counted in characters, a CJK
 * one as two, since measuring with fonts would need a font the server may lack.
 *
 * <p>
 * A number format is set on a run of rows of one column at once: fastexcel builds and
 * looks up a style for every call, which over a year's 明细 cost more than writing the
 * cells, while an empty cell with a format costs a few bytes.
 */
final class SheetWriter {

    /** Rows kept in memory before they are written. */
    static final int BLOCK = 1000;

    private static final int MIN_CHARS = 6;

    private static final int MAX_CHARS = 60;

    private final Worksheet sheet;

    private final int[] widths;

    private final Run[] runs;

    private boolean widthsSet;

    private int next;

    private int row;

    SheetWriter(Worksheet sheet, List<String> headers) {
        this.sheet = sheet;
        this.widths = new int[headers.size()];
        this.runs = new Run[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            sheet.value(0, i, headers.get(i));
            measure(i, displayWidth(headers.get(i)));
        }
        sheet.range(0, 0, 0, headers.size() - 1).style().bold().set();
        sheet.freezePane(0, 1);
        next = 1;
    }

    /** Rows written, the header included. */
    int rows() {
        return next;
    }

    /** Makes {@code column} at least {@code chars} wide, whatever its first rows hold. */
    void atLeast(int column, int chars) {
        measure(column, chars);
    }

    SheetWriter row() {
        if (next % BLOCK == 0) {
            flush();
        }
        row = next++;
        return this;
    }

    /**
     * Text that repeats (a district, a unit): kept once in the workbook's string table.
     */
    SheetWriter name(int column, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            sheet.value(row, column, value);
            if (!widthsSet) {
                measure(column, displayWidth(value));
            }
        }
        return this;
    }

    /**
     * Text that may differ on every row (a note, a list of items), written in its cell,
     * so that the string table does not grow with the records.
     */
    SheetWriter text(int column, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            sheet.inlineString(row, column, value);
            if (!widthsSet) {
                measure(column, displayWidth(value));
            }
        }
        return this;
    }

    /**
     * A whole number in the given format (shown as 约300 when approximate, still a
     * number).
     */
    SheetWriter number(int column, long value, @Nullable String format) {
        sheet.value(row, column, value);
        format(column, format);
        if (!widthsSet) {
            measure(column, Long.toString(value).length() + (format == null ? 0 : 3));
        }
        return this;
    }

    /** Yuan with two decimals, exactly as stored (no binary fraction on the way). */
    SheetWriter money(int column, BigDecimal yuan, String format) {
        sheet.value(row, column, yuan);
        format(column, format);
        if (!widthsSet) {
            measure(column, yuan.toPlainString().length() + 4);
        }
        return this;
    }

    SheetWriter date(int column, LocalDate date, String format) {
        sheet.value(row, column, date);
        format(column, format);
        measure(column, 10);
        return this;
    }

    /** Writes what is left; the sheet is complete. */
    void finish() {
        flush();
        try {
            sheet.finish();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Extends the column's run of {@code format} to this row, over rows where the column
     * is empty (they get the format too, which shows nothing); a figure in another
     * format, or in none, ends the run.
     */
    private void format(int column, @Nullable String format) {
        Run run = runs[column];
        if (run != null && run.format.equals(format)) {
            run.last = row;
            return;
        }
        if (run != null) {
            run.apply(sheet, column);
            runs[column] = null;
        }
        if (format != null) {
            runs[column] = new Run(format, row);
        }
    }

    private void flush() {
        for (int c = 0; c < runs.length; c++) {
            if (runs[c] != null) {
                runs[c].apply(sheet, c);
                runs[c] = null;
            }
        }
        if (!widthsSet) {
            for (int c = 0; c < widths.length; c++) {
                sheet.width(c, Math.min(MAX_CHARS, Math.max(MIN_CHARS, widths[c] + 2)));
            }
            widthsSet = true;
        }
        try {
            sheet.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void measure(int column, int width) {
        if (!widthsSet && column < widths.length && width > widths[column]) {
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

    /** Consecutive rows of one column in one number format. */
    private static final class Run {

        private final String format;

        private final int first;

        private int last;

        Run(String format, int row) {
            this.format = Objects.requireNonNull(format);
            this.first = row;
            this.last = row;
        }

        void apply(Worksheet sheet, int column) {
            sheet.range(first, column, last, column).style().format(format).set();
        }

    }

}
