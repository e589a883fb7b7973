package cn.cdsw.tallybot.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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
                words(file, "value-words"), words(file, "ignored-after"), optionalWords(file, "not-activity-words"),
                optionalWords(file, "count-units"), amounts(file.get("approximate-amounts")),
                optionalWords(file, "per-period-words"), optionalWords(file, "scope-words"),
                optionalWords(file, "part-words"), genericMetrics(file.get("generic-metrics"), metrics), cues, confirm,
                cancel, bulletin(file.get("bulletin")));
    }

    /**
     * Optional, so that a bot-config folder from before bulletins still starts; each key
     * of the block is optional too.
     */
    private static BulletinVocabulary bulletin(@Nullable YamlNode node) {
        BulletinVocabulary d = BulletinVocabulary.DEFAULT;
        if (node == null) {
            return d;
        }
        return new BulletinVocabulary(limit(node, "max-stations", d.maxStations(), 2),
                limit(node, "max-characters", d.maxCharacters(), 1),
                words(node, "picture-extensions", d.pictureExtensions()),
                words(node, "picture-words", d.pictureWords()), words(node, "caption-words", d.captionWords()),
                words(node, "skipped-fields", d.skippedFields()), words(node, "general-words", d.generalWords()),
                words(node, "own-words", d.ownWords()));
    }

    private static int limit(YamlNode block, String key, int fallback, int least) {
        YamlNode value = block.get(key);
        if (value == null) {
            return fallback;
        }
        long limit = value.number();
        if (limit < least || limit > 100_000) {
            throw value.error("bulletin " + key + " must be between " + least + " and 100000, found " + limit);
        }
        return (int) limit;
    }

    private static List<String> words(YamlNode block, String key, List<String> fallback) {
        return block.get(key) == null ? fallback : words(block, key);
    }

    /** 千余: 1000, the number a reader writes for an amount written in words. */
    private static Map<String, Long> amounts(@Nullable YamlNode node) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        if (node != null) {
            node.entries().forEach((word, value) -> {
                long amount = value.number();
                if (amount <= 0) {
                    throw value.error("approximate amount '" + word + "' must be a positive whole number");
                }
                amounts.put(word, amount);
            });
        }
        return amounts;
    }

    private static List<String> genericMetrics(@Nullable YamlNode node, MetricDictionary metrics) {
        if (node == null) {
            return List.of();
        }
        for (YamlNode key : node.list()) {
            if (metrics.byKey(key.text()).isEmpty()) {
                throw key.error("generic metric '" + key.text() + "' is not a metric key (see metrics.yml)");
            }
        }
        return node.texts();
    }

    private static List<String> optionalWords(YamlNode file, String key) {
        return file.get(key) == null ? List.of() : words(file, key);
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
