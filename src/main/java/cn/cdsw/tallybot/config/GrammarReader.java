package cn.cdsw.tallybot.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads {@code grammar.yml}. A field name that is also a metric word would make
 * {@code 物资：…} or {@code 走访：…} ambiguous, so that stops the start too.
 */
final class GrammarReader {

    private GrammarReader() {
    }

    static Grammar read(YamlNode file, MetricDictionary metrics) {
        Map<String, ReportField> fieldWords = new LinkedHashMap<>();
        UniqueWords unique = new UniqueWords("field name");
        YamlNode fields = file.require("fields");
        for (ReportField field : ReportField.values()) {
            YamlNode words = fields.require(field.configKey());
            for (YamlNode word : words.list()) {
                unique.add(word.text(), word);
                if (metrics.byWord(word.text()).isPresent()) {
                    throw word.error("field name '" + word.text() + "' is also a metric word in metrics.yml");
                }
                fieldWords.put(word.text(), field);
            }
        }
        fields.entries().forEach((key, node) -> {
            if (Arrays.stream(ReportField.values()).noneMatch(f -> f.configKey().equals(key))) {
                throw node.error("unknown field '" + key + "'");
            }
        });
        YamlNode approx = file.require("approx");
        YamlNode itemVerbs = file.get("item-verbs");
        return new Grammar(fieldWords, file.require("unit-suffixes").texts(), approx.require("prefixes").texts(),
                approx.require("suffixes").texts(), itemVerbs == null ? List.of() : itemVerbs.texts(),
                limits(file.get("max-length")));
    }

    /** Optional, so that a bot-config folder from before the limits still starts. */
    private static InputLimits limits(@Nullable YamlNode node) {
        if (node == null) {
            return InputLimits.DEFAULT;
        }
        InputLimits d = InputLimits.DEFAULT;
        return new InputLimits(limit(node, "unit", d.unit()), limit(node, "note", d.note()),
                limit(node, "item", d.item()), limit(node, "message", d.message()));
    }

    private static int limit(YamlNode limits, String key, int fallback) {
        YamlNode value = limits.get(key);
        if (value == null) {
            return fallback;
        }
        long limit = value.number();
        if (limit < 1 || limit > 100_000) {
            throw value.error("max-length " + key + " must be between 1 and 100000, found " + limit);
        }
        return (int) limit;
    }

}
