package cn.cdsw.tallybot.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code prose.yml}. A cue word must name a metric that exists and must not already
 * introduce another metric, and an answer cannot both confirm and cancel; either mistake
 * stops the start with file and line.
 */
final class ProseReader {

    private ProseReader() {
    }

    static ProseVocabulary read(YamlNode file, MetricDictionary metrics) {
        Map<String, String> cues = new LinkedHashMap<>();
        YamlNode cueNode = file.get("metric-cues");
        if (cueNode != null) {
            cueNode.entries().forEach((word, key) -> cues.put(word, cueKey(word, key, metrics)));
        }
        UniqueWords answers = new UniqueWords("answer word");
        List<String> confirm = answers(file.require("confirm-words"), answers);
        List<String> cancel = answers(file.require("cancel-words"), answers);
        return new ProseVocabulary(words(file, "fillers"), words(file, "item-intros"), words(file, "total-words"),
                words(file, "value-words"), words(file, "ignored-after"), cues, confirm, cancel);
    }

    private static String cueKey(String word, YamlNode key, MetricDictionary metrics) {
        MetricDefinition metric = metrics.byKey(key.text())
            .orElseThrow(() -> key
                .error("cue word '" + word + "' maps to unknown metric key '" + key.text() + "' (see metrics.yml)"));
        metrics.byWord(word).filter(other -> !other.key().equals(metric.key())).ifPresent(other -> {
            throw key.error("cue word '" + word + "' is already a word of metric '" + other.key() + "'");
        });
        return metric.key();
    }

    private static List<String> words(YamlNode file, String key) {
        YamlNode node = file.require(key);
        new UniqueWords(key).addAll(node.texts(), node);
        return node.texts();
    }

    /** Answers compare lower-case, so that OK, Ok and ok are one word. */
    private static List<String> answers(YamlNode node, UniqueWords unique) {
        List<String> words = node.texts().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        words.forEach(w -> unique.add(w, node));
        return words;
    }

}
