package cn.cdsw.tallybot.summary;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.cdsw.tallybot.query.Figures;
import cn.cdsw.tallybot.query.MetricTotal;

/**
 * The figures of a day as a summary published them: each metric per unit, and materials.
 * Kept so that a later change to that day can be told as {@code 更正：11月28日 走访 196→206户}.
 */
record PublishedFigures(Map<String, Long> values) {

    static final String MATERIALS = "materials";

    PublishedFigures {
        values = Map.copyOf(values);
    }

    static PublishedFigures of(Figures figures) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (MetricTotal m : figures.metrics()) {
            values.put(key(m.key(), m.unit()), m.value());
        }
        values.put(MATERIALS, figures.materialsTotal());
        return new PublishedFigures(values);
    }

    static String key(String metric, String unit) {
        return metric + "|" + unit;
    }

    long get(String key) {
        return values.getOrDefault(key, 0L);
    }
}
