package cn.cdsw.tallybot.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the metric dictionary of {@code metrics.yml}. A word that introduces two metrics,
 * or a unit synonym that points at a unit the metric does not have, stops the start.
 */
final class MetricsReader {

    private MetricsReader() {
    }

    static MetricDictionary read(YamlNode file) {
        YamlNode defaultCeiling = file.get("default-ceiling");
        long fallback = defaultCeiling == null ? 100_000 : defaultCeiling.number();
        UniqueWords keys = new UniqueWords("metric key");
        UniqueWords words = new UniqueWords("metric word");
        List<MetricDefinition> metrics = new ArrayList<>();
        for (YamlNode entry : file.require("metrics").list()) {
            YamlNode key = entry.require("key");
            keys.add(key.text(), key);
            YamlNode label = entry.require("label");
            List<String> synonyms = entry.require("synonyms").texts();
            List<String> allWords = new ArrayList<>(synonyms);
            if (!synonyms.contains(label.text())) {
                allWords.add(label.text());
            }
            for (String word : allWords) {
                words.add(word, entry.require("synonyms"));
            }
            metrics.add(definition(entry, key.text(), label.text(), synonyms, fallback));
        }
        return new MetricDictionary(metrics);
    }

    private static MetricDefinition definition(YamlNode entry, String key, String label, List<String> synonyms,
            long fallbackCeiling) {
        YamlNode unitsNode = entry.require("units");
        List<String> units = unitsNode.texts();
        if (units.isEmpty()) {
            throw unitsNode.error("metric '" + key + "' needs at least one unit");
        }
        Map<String, String> unitSynonyms = new LinkedHashMap<>();
        YamlNode synonymsNode = entry.get("unit-synonyms");
        if (synonymsNode != null) {
            synonymsNode.entries().forEach((written, target) -> {
                if (!units.contains(target.text())) {
                    throw target.error("unit synonym '" + written + "' of metric '" + key + "' points to unknown unit '"
                            + target.text() + "' (units: " + units + ")");
                }
                unitSynonyms.put(written, target.text());
            });
        }
        YamlNode ceiling = entry.get("ceiling");
        long max = ceiling == null ? fallbackCeiling : ceiling.number();
        if (max <= 0) {
            throw entry.error("ceiling of metric '" + key + "' must be positive");
        }
        return new MetricDefinition(key, label, synonyms, units, unitSynonyms, max);
    }

}
