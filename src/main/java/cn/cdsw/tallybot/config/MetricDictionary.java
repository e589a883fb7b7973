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

    /**
     * The metric word a mistyped word most likely meant (走方 → 走访), or empty when no guess
     * is safe: only a word that is not one, one edit away from a metric word, where every
     * metric word that close belongs to the same metric and the word keeps at least one
     * character of it; a word of one character is never guessed at. The caller still
     * checks that the figures fit the metric.
     */
    public Optional<String> nearestWord(String word) {
        if (word.codePointCount(0, word.length()) < 2 || byWord.containsKey(word)) {
            return Optional.empty();
        }
        String nearest = null;
        MetricDefinition meant = null;
        for (Map.Entry<String, MetricDefinition> entry : byWord.entrySet()) {
            String candidate = entry.getKey();
            if (candidate.codePointCount(0, candidate.length()) < 2 || EditDistance.between(word, candidate) != 1) {
                continue;
            }
            if (meant != null && meant != entry.getValue()) {
                return Optional.empty();
            }
            meant = entry.getValue();
            // of one metric's words that close, the shortest in a stable order
            if (nearest == null || candidate.length() < nearest.length()
                    || candidate.length() == nearest.length() && candidate.compareTo(nearest) < 0) {
                nearest = candidate;
            }
        }
        if (meant != null && EditDistance.between(word, meant.label()) == 1) {
            // the label, which the replies use, when it is one of them: 上访 → 走访, not 上门
            return Optional.of(meant.label());
        }
        return Optional.ofNullable(nearest);
    }

}
