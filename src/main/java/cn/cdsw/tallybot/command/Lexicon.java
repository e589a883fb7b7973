package cn.cdsw.tallybot.command;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.District;
import cn.cdsw.tallybot.config.MetricDefinition;

/**
 * The word lists the scanner needs, derived once from {@code bot-config/}: every unit a
 * number may carry (longest first, so 人次 wins over 人), the approximation markers, and the
 * known words that may follow a quantity without a separator (走访三户电话五次).
 */
final class Lexicon {

    static final String YUAN = "元";

    private final BotConfig config;

    private final List<String> units;

    private final Set<String> unitSet;

    private final List<String> approxPrefixes;

    private final List<String> approxSuffixes;

    private final Set<String> keywords = new HashSet<>();

    private final int longestKeyword;

    Lexicon(BotConfig config) {
        this.config = config;
        Set<String> allUnits = new HashSet<>(config.materials().units());
        allUnits.add(YUAN);
        for (MetricDefinition m : config.metrics().all()) {
            allUnits.addAll(m.units());
            allUnits.addAll(m.unitSynonyms().keySet());
        }
        this.units = longestFirst(allUnits.stream());
        this.unitSet = Set.copyOf(allUnits);
        this.approxPrefixes = longestFirst(config.grammar().approxPrefixes().stream());
        this.approxSuffixes = longestFirst(config.grammar().approxSuffixes().stream());
        keywords.addAll(config.metrics().words());
        keywords.addAll(config.grammar().fieldWords().keySet());
        keywords.addAll(config.materials().itemNames());
        keywords.addAll(config.categories());
        for (District d : config.districts().all()) {
            keywords.add(d.name());
            keywords.addAll(d.aliases());
        }
        this.longestKeyword = keywords.stream().mapToInt(String::length).max().orElse(0);
    }

    BotConfig config() {
        return config;
    }

    List<String> units() {
        return units;
    }

    List<String> approxPrefixes() {
        return approxPrefixes;
    }

    List<String> approxSuffixes() {
        return approxSuffixes;
    }

    boolean isUnit(String word) {
        return unitSet.contains(word);
    }

    /**
     * Whether the text at {@code from} starts with a known word, so a quantity may end
     * right before it.
     */
    boolean keywordAt(String text, int from) {
        for (int end = Math.min(text.length(), from + longestKeyword); end > from; end--) {
            if (keywords.contains(text.substring(from, end))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> longestFirst(Stream<String> words) {
        return words.distinct()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .toList();
    }

}
