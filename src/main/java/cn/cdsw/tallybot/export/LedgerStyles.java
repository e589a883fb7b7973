package cn.cdsw.tallybot.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The few cell styles of a ledger, made once per workbook (a workbook holds at most
 * 64,000 styles, so a style per cell would break a long one). An approximate figure keeps
 * its number and is shown with the approximate format ({@code "约"#,##0}), so sums in
 * Excel still work.
 */
record LedgerStyles(CellStyle header, CellStyle integer, CellStyle approx, CellStyle money, CellStyle date) {

    static LedgerStyles of(Workbook workbook, String approxFormat) {
        DataFormat formats = workbook.createDataFormat();
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle header = workbook.createCellStyle();
        header.setFont(bold);
        return new LedgerStyles(header, format(workbook, formats, "#,##0"), format(workbook, formats, approxFormat),
                format(workbook, formats, "#,##0.00"), format(workbook, formats, "yyyy-mm-dd"));
    }

    private static CellStyle format(Workbook workbook, DataFormat formats, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(formats.getFormat(format));
        return style;
    }

}
