package cn.cdsw.tallybot.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Guards a namespace of words (district names and aliases, metric words, command words
 * …): the same word twice would make parsing ambiguous, so the second one stops the start
 * with both places named.
 */
final class UniqueWords {

    private final String what;

    private final Map<String, String> firstSeen = new HashMap<>();

    UniqueWords(String what) {
        this.what = what;
    }

    void add(String word, YamlNode at) {
        String previous = firstSeen.putIfAbsent(word, at.where());
        if (previous != null) {
            throw at.error("duplicate " + what + " '" + word + "' (already at " + previous + ")");
        }
    }

    void addAll(Iterable<String> words, YamlNode at) {
        words.forEach(w -> add(w, at));
    }

}
