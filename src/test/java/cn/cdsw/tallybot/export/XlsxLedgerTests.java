package cn.cdsw.tallybot.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigLoader;
import cn.cdsw.tallybot.query.DistrictTotals;
import cn.cdsw.tallybot.query.Figures;
import cn.cdsw.tallybot.query.ItemTotal;
import cn.cdsw.tallybot.query.MetricTotal;
import cn.cdsw.tallybot.query.Scope;
import cn.cdsw.tallybot.query.Totals;
import cn.cdsw.tallybot.query.UnitTotals;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.LedgerEntry;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.ReportContent;
import cn.cdsw.tallybot.wording.Wording;

/**
 * The workbook as written, read back with Apache POI (another library than the one that
 * wrote it): sheets in tab order, 明细 continued on further sheets, number formats on the
 * cells that hold figures and only there.
 */
class XlsxLedgerTests {

    private static final BotConfig CONFIG = BotConfigLoader.load(Path.of("bot-config"));

    private static final Wording WORDING = Wording.chinese(CONFIG);

    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    private static final List<MetricColumn> COLUMNS = MetricColumn.of(CONFIG.metrics().all(), List.of());

    @Test
    void recordsBeyondASheetContinueOnTabsMadeUpFrontInOrder() throws IOException {
        try (XSSFWorkbook workbook = write(7, 7, 3)) {
            assertThat(sheetNames(workbook)).containsExactly("汇总", "明细", "明细2", "明细3", "物资", "每日");
            assertThat(ids(workbook.getSheet("明细"))).containsExactly(1L, 2L, 3L);
            assertThat(ids(workbook.getSheet("明细2"))).containsExactly(4L, 5L, 6L);
            assertThat(ids(workbook.getSheet("明细3"))).containsExactly(7L);
            for (Sheet sheet : workbook) {
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).as(sheet.getSheetName()).isNotBlank();
                assertThat(sheet.getPaneInformation().isFreezePane()).as(sheet.getSheetName()).isTrue();
            }
        }
    }

    @Test
    void moreRecordsThanTheSummaryCountedAreAllWrittenOnATabAtTheEnd() throws IOException {
        try (XSSFWorkbook workbook = write(2, 5, 3)) {
            assertThat(sheetNames(workbook)).containsExactly("汇总", "明细", "物资", "每日", "明细2");
            assertThat(ids(workbook.getSheet("明细"))).containsExactly(1L, 2L, 3L);
            assertThat(ids(workbook.getSheet("明细2"))).containsExactly(4L, 5L);
        }
    }

    @Test
    void figuresKeepTheirFormatsAndAnEmptyCellStaysEmpty() throws IOException {
        try (XSSFWorkbook workbook = write(4, 4, 10)) {
            Sheet records = workbook.getSheet("明细");
            int visits = column(records, "走访(户)");
            int value = column(records, "价值(元)");
            for (int r = 1; r <= 4; r++) {
                Row row = records.getRow(r);
                boolean approx = r % 2 == 1;
                Cell figure = row.getCell(visits);
                assertThat(figure.getNumericCellValue()).isEqualTo(r * 100);
                assertThat(figure.getCellStyle().getDataFormatString().contains("约")).as("row " + r).isEqualTo(approx);
                Cell money = row.getCell(value);
                if (r == 3) {
                    assertThat(money == null || money.getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK)
                        .as("no value")
                        .isTrue();
                }
                else {
                    assertThat(BigDecimal.valueOf(money.getNumericCellValue())).isEqualByComparingTo(r + ".50");
                    assertThat(money.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                }
                assertThat(row.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(DAY);
                assertThat(row.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            }
        }
    }

    /**
     * A ledger whose summary counts {@code counted} records, with {@code written} records
     * of ids 1… in 明细, {@code perSheet} to a sheet: odd ones with approximate visits, the
     * third without a value.
     */
    private static XSSFWorkbook write(int counted, int written, int perSheet) throws IOException {
        Figures figures = new Figures(counted, 1, List.of(new MetricTotal("visits", "户", 1000, true)), 0,
                new BigDecimal("10.00"));
        Totals totals = new Totals(DAY, DAY, Scope.CITY, figures, List.of(new ItemTotal("大米", "袋", 3, false)),
                List.of(new DistrictTotals("锦江区", figures)));
        List<UnitTotals> units = List.of(new UnitTotals("锦江区", "三圣街道社工站", figures));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxLedger ledger = new XlsxLedger(out, WORDING.ledger(), WORDING.figures(), COLUMNS, totals, units, perSheet);
        ledger.total("全市合计", "", figures);
        for (long id = 1; id <= written; id++) {
            BigDecimal value = id == 3 ? null : new BigDecimal(id + ".50");
            ReportContent content = new ReportContent("锦江区", "三圣街道社工站", null, DAY,
                    List.of(new Metric("visits", "户", id * 100, id % 2 == 1)), List.of(new Item("大米", 1, "袋", false)),
                    null, value, null);
            ledger.record(new LedgerEntry(id, content, "张三"));
        }
        ledger.day(DAY, figures);
        assertThat(ledger.finish()).isEqualTo(written);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static List<Long> ids(Sheet records) {
        int id = column(records, "记录编号");
        List<Long> ids = new ArrayList<>();
        for (int r = 1; r <= records.getLastRowNum(); r++) {
            ids.add((long) records.getRow(r).getCell(id).getNumericCellValue());
        }
        return ids;
    }

    private static int column(Sheet sheet, String header) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(header)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " in " + sheet.getSheetName());
    }

}
