package cn.cdsw.tallybot.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grammar words of {@code grammar.yml}: field names of the report form, the endings
 * that mark a word as a unit (社工站, 社工室 …) and the approximation markers (约 近 / 余 多 来 左右).
 * Field names keep the file's order: the first name of a field is the one replies show
 * (物资, 价值). {@code limits} caps how long what a member types may be.
 */
public record Grammar(Map<String, ReportField> fieldWords, List<String> unitSuffixes, List<String> approxPrefixes,
        List<String> approxSuffixes, List<String> itemVerbs, InputLimits limits) {

    public Grammar {
        fieldWords = Collections.unmodifiableMap(new LinkedHashMap<>(fieldWords));
        unitSuffixes = List.copyOf(unitSuffixes);
        approxPrefixes = List.copyOf(approxPrefixes);
        approxSuffixes = List.copyOf(approxSuffixes);
        itemVerbs = List.copyOf(itemVerbs);
    }

    /**
     * The word without a leading verb of giving or collecting (发放口罩 → 口罩), or the word
     * itself.
     */
    public String withoutItemVerb(String word) {
        for (String verb : itemVerbs) {
            if (word.startsWith(verb) && word.length() > verb.length()) {
                return word.substring(verb.length());
            }
        }
        return word;
    }

    /**
     * The name replies use for a field: its first name in {@code grammar.yml} (物资 for
     * materials).
     */
    public String name(ReportField field) {
        return fieldWords.entrySet()
            .stream()
            .filter(e -> e.getValue() == field)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no name for field " + field.configKey()));
    }

    public Optional<ReportField> field(String word) {
        return Optional.ofNullable(fieldWords.get(word));
    }

    public boolean looksLikeUnitName(String word) {
        return unitSuffixes.stream().anyMatch(s -> word.endsWith(s) && word.length() > s.length())
                || unitSuffixes.contains(word) && word.length() > 1;
    }
}
