package cn.cdsw.tallybot.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.report.LedgerEntry;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.ReportContent;
import cn.cdsw.tallybot.wording.FigureStyle;
import cn.cdsw.tallybot.wording.LedgerWording;

/**
 * The 明细 rows as CSV (RFC 4180: commas, CRLF, fields with a comma, quote or line break in
 * quotes), UTF-8 with a byte-order mark so that Excel opens the Chinese right. Numbers
 * are plain (196, 29739.50), dates ISO; an approximate figure keeps its number and is
 * named in the 约数 column, as in the workbook. Written to the stream as the records are
 * read.
 */
final class CsvLedger {

    static final String BOM = "\uFEFF";

    private final Writer out;

    private final LedgerWording wording;

    private final FigureStyle figures;

    private final List<MetricColumn> columns;

    private long records;

    CsvLedger(OutputStream stream, LedgerWording wording, FigureStyle figures, List<MetricColumn> columns) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.wording = wording;
        this.figures = figures;
        this.columns = columns;
        write(BOM);
        line(RecordRow.headers(wording.headers(), columns, wording).toArray(new String[0]));
    }

    void record(LedgerEntry record) {
        RecordRow row = RecordRow.of(record, columns, wording, figures);
        ReportContent c = record.content();
        String[] fields = new String[columns.size() + 11];
        fields[0] = c.activityDate().toString();
        fields[1] = text(c.district());
        fields[2] = text(c.unit());
        fields[3] = text(c.category());
        int at = 4;
        for (Metric m : row.metrics()) {
            fields[at++] = m == null ? "" : Long.toString(m.value());
        }
        fields[at++] = text(row.items());
        fields[at++] = c.materialsTotal() == null ? "" : Long.toString(c.materialsTotal());
        fields[at++] = c.valueYuan() == null ? "" : money(c.valueYuan());
        fields[at++] = row.approx();
        fields[at++] = text(c.note());
        fields[at++] = text(record.reporter());
        fields[at] = Long.toString(record.id());
        line(fields);
        records++;
    }

    /** Flushes what is written, leaving the stream open; returns how many records. */
    long finish() {
        try {
            out.flush();
            return records;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quoted(fields[i]));
        }
        write(line.append("\r\n").toString());
    }

    static String quoted(String field) {
        boolean plain = field.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }

    private static String money(BigDecimal yuan) {
        return yuan.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * Text a member typed: a leading {@code = + - @} would make Excel read the field as a
     * formula (a note "=HYPERLINK(…)"), so such text gets an apostrophe first, as Excel
     * itself marks text.
     */
    static String text(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + value : value;
    }

    private void write(String text) {
        try {
            out.write(text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
