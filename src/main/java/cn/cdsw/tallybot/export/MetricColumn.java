package cn.cdsw.tallybot.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.cdsw.tallybot.config.MetricDefinition;
import cn.cdsw.tallybot.query.MetricTotal;
import cn.cdsw.tallybot.report.Metric;

/**
 * One metric in one unit, a column of its own: 走访(户) and 走访(人次) are never one column,
 * since figures in different units are never added.
 */
record MetricColumn(String key, String unit) {

    /**
     * The columns of metrics.yml, in its order, each metric in each of its units; then
     * any pair the totals hold that the dictionary no longer lists (a unit dropped
     * since), so that no stored figure goes missing from the ledger.
     */
    static List<MetricColumn> of(List<MetricDefinition> dictionary, List<MetricTotal> present) {
        Set<MetricColumn> columns = new LinkedHashSet<>();
        for (MetricDefinition m : dictionary) {
            for (String unit : m.units()) {
                columns.add(new MetricColumn(m.key(), unit));
            }
        }
        for (MetricTotal t : present) {
            columns.add(new MetricColumn(t.key(), t.unit()));
        }
        return List.copyOf(new ArrayList<>(columns));
    }

    boolean holds(Metric m) {
        return key.equals(m.key()) && unit.equals(m.unit());
    }

    boolean holds(MetricTotal m) {
        return key.equals(m.key()) && unit.equals(m.unit());
    }

}
