package cn.cdsw.tallybot.export;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.LedgerEntry;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.wording.FigureStyle;
import cn.cdsw.tallybot.wording.LedgerWording;

/**
 * One record as a row of 明细, the same in the workbook and the CSV: a figure per metric
 * column (null where the record has none), the items as text (大米224袋、食用油206瓶), and which
 * of its figures were approximate, by column header.
 */
record RecordRow(@Nullable Metric[] metrics, String items, String approx) {

    /** The fixed headers before the metric columns: date, district, unit, category. */
    static List<String> headers(LedgerWording.Headers h, List<MetricColumn> columns, LedgerWording wording) {
        List<String> headers = new ArrayList<>(List.of(h.date(), h.district(), h.unit(), h.category()));
        columns.forEach(c -> headers.add(wording.metricColumn(c.key(), c.unit())));
        headers.addAll(List.of(h.items(), h.materials(), h.value(), h.approx(), h.note(), h.reporter(), h.recordId()));
        return headers;
    }

    static RecordRow of(LedgerEntry record, List<MetricColumn> columns, LedgerWording wording, FigureStyle figures) {
        Metric[] metrics = new Metric[columns.size()];
        List<String> approx = new ArrayList<>();
        for (Metric m : record.content().metrics()) {
            for (int i = 0; i < metrics.length; i++) {
                if (columns.get(i).holds(m)) {
                    metrics[i] = m;
                }
            }
            if (m.approx()) {
                approx.add(wording.metricColumn(m.key(), m.unit()));
            }
        }
        List<String> items = new ArrayList<>();
        for (Item item : record.content().items()) {
            items.add(figures.item(item));
            if (item.approx()) {
                approx.add(item.name());
            }
        }
        return new RecordRow(metrics, figures.names(items), figures.names(approx));
    }

}
