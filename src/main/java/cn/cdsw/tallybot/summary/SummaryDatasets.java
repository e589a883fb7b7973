package cn.cdsw.tallybot.summary;

import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Turns a panel of the {@link ChartModel} into JFreeChart's data: one series (the panel's
 * one unit, so an axis never mixes units), one column per district in display order,
 * zeros included so that a district without figures keeps its row. The series name is the
 * legend's label, so the caller words it.
 */
final class SummaryDatasets {

    private SummaryDatasets() {
    }

    static DefaultCategoryDataset of(ChartModel.Panel panel, String series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        panel.values().forEach((district, value) -> data.addValue(value, series, district));
        return data;
    }

}
