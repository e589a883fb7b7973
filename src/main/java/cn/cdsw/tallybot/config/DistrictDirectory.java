package cn.cdsw.tallybot.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured districts, looked up by name or alias, with "did you mean" for typos.
 */
public final class DistrictDirectory {

    private static final int MAX_SUGGESTION_DISTANCE = 2;

    private final List<District> districts;

    private final Map<String, District> byWord = new HashMap<>();

    public DistrictDirectory(List<District> districts) {
        this.districts = List.copyOf(districts);
        for (District d : this.districts) {
            byWord.put(d.name(), d);
            d.aliases().forEach(alias -> byWord.put(alias, d));
        }
    }

    public List<District> all() {
        return districts;
    }

    public Optional<District> resolve(String word) {
        return Optional.ofNullable(byWord.get(word.strip()));
    }

    /**
     * Up to {@code max} district names nearest to a word that is not one: those at the
     * smallest edit distance (at most 2) over names and aliases, counting containment (金牛
     * inside 金牛区街道) as distance 1.
     */
    public List<String> nearest(String word, int max) {
        Map<String, Integer> best = new HashMap<>();
        byWord.forEach((w, d) -> {
            int distance = EditDistance.between(word, w);
            if (word.contains(w) || w.contains(word)) {
                distance = Math.min(distance, 1);
            }
            if (distance <= MAX_SUGGESTION_DISTANCE) {
                best.merge(d.name(), distance, Math::min);
            }
        });
        int closest = best.values().stream().min(Integer::compare).orElse(0);
        return best.entrySet()
            .stream()
            .filter(e -> e.getValue() == closest)
            .map(Map.Entry::getKey)
            .sorted()
            .limit(max)
            .toList();
    }

}
