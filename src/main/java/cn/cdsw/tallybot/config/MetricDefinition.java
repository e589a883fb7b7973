package cn.cdsw.tallybot.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the metric dictionary (docs/domain.md §3): key, Chinese label, the words
 * that introduce it, its canonical units with their synonyms (趟→次), and the largest value
 * one report may carry.
 */
public record MetricDefinition(String key, String label, List<String> synonyms, List<String> units,
        Map<String, String> unitSynonyms, long ceiling) {

    public MetricDefinition {
        synonyms = List.copyOf(synonyms);
        units = List.copyOf(units);
        // in the order metrics.yml writes them, because a refusal lists them
        unitSynonyms = Collections.unmodifiableMap(new LinkedHashMap<>(unitSynonyms));
    }

    /**
     * Every unit a figure of this metric may be written in: the canonical units, then
     * their synonyms, in the order of metrics.yml (宣传: 份, 张).
     */
    public List<String> acceptedUnits() {
        List<String> accepted = new ArrayList<>(units);
        unitSynonyms.keySet().stream().filter(u -> !accepted.contains(u)).forEach(accepted::add);
        return List.copyOf(accepted);
    }

    /** The canonical unit a written unit stands for, if this metric takes it. */
    public Optional<String> canonicalUnit(String written) {
        if (units.contains(written)) {
            return Optional.of(written);
        }
        return Optional.ofNullable(unitSynonyms.get(written));
    }

    /** The unit to assume when none is written: only when the metric has exactly one. */
    public Optional<String> soleUnit() {
        return units.size() == 1 ? Optional.of(units.get(0)) : Optional.empty();
    }
}
