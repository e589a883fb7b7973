package cn.cdsw.tallybot.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.config.MetricDefinition;
import cn.cdsw.tallybot.query.MetricTotal;

/** The small pieces of the ledger: its metric columns, CSV fields and column widths. */
class LedgerPartsTests {

    private static final List<MetricDefinition> DICTIONARY = List.of(
            new MetricDefinition("visits", "走访", List.of("走访"), List.of("户", "人次"), Map.of(), 100),
            new MetricDefinition("calls", "电话", List.of("电话"), List.of("次"), Map.of(), 100));

    @Test
    void everyMetricInEachOfItsUnitsIsAColumnAndAStoredUnitTheDictionaryDroppedIsKept() {
        List<MetricColumn> columns = MetricColumn.of(DICTIONARY,
                List.of(new MetricTotal("visits", "人次", 3, false), new MetricTotal("visits", "次", 4, true)));

        assertThat(columns).containsExactly(new MetricColumn("visits", "户"), new MetricColumn("visits", "人次"),
                new MetricColumn("calls", "次"), new MetricColumn("visits", "次"));
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndKeepsFormulasOutOfExcel() {
        assertThat(CsvLedger.quoted("三圣街道社工站")).isEqualTo("三圣街道社工站");
        assertThat(CsvLedger.quoted("发动10家, \"爱心\"")).isEqualTo("\"发动10家, \"\"爱心\"\"\"");
        assertThat(CsvLedger.quoted("两行\n备注")).isEqualTo("\"两行\n备注\"");
        assertThat(CsvLedger.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvLedger.text("-1")).isEqualTo("'-1");
        assertThat(CsvLedger.text("大米224袋")).isEqualTo("大米224袋");
        assertThat(CsvLedger.text(null)).isEmpty();
    }

    @Test
    void aChineseCharacterIsTwoColumnsWide() {
        assertThat(SheetWriter.displayWidth("走访(户)")).isEqualTo(2 + 2 + 1 + 2 + 1);
        assertThat(SheetWriter.displayWidth("2026-11-28")).isEqualTo(10);
    }

    @Test
    void formatsAreNamedByTheirExtension() {
        assertThat(LedgerFormat.named(" CSV ")).contains(LedgerFormat.CSV);
        assertThat(LedgerFormat.named("xlsx")).contains(LedgerFormat.XLSX);
        assertThat(LedgerFormat.named("pdf")).isEmpty();
    }

}
