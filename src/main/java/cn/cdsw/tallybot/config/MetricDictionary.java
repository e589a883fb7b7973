package cn.cdsw.tallybot.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metric dictionary of {@code metrics.yml}, looked up by the words users type and by
 * key.
 */
public final class MetricDictionary {

    private final List<MetricDefinition> metrics;

    private final Map<String, MetricDefinition> byWord = new HashMap<>();

    private final Map<String, MetricDefinition> byKey = new HashMap<>();

    public MetricDictionary(List<MetricDefinition> metrics) {
        this.metrics = List.copyOf(metrics);
        for (MetricDefinition m : this.metrics) {
            byKey.put(m.key(), m);
            byWord.put(m.label(), m);
            m.synonyms().forEach(s -> byWord.put(s, m));
        }
    }

    public List<MetricDefinition> all() {
        return metrics;
    }

    public Optional<MetricDefinition> byWord(String word) {
        return Optional.ofNullable(byWord.get(word));
    }

    public Optional<MetricDefinition> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * The Chinese name users read for a metric key (走访 for visits); the key itself if it
     * is not configured.
     */
    public String label(String key) {
        MetricDefinition metric = byKey.get(key);
        return metric == null ? key : metric.label();
    }

    public Set<String> words() {
        return byWord.keySet();
    }

}
