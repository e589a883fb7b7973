package cn.cdsw.tallybot.config;

import java.util.List;
import java.util.Map;

/**
 * The words of {@code prose.yml} that let the prose extractor read a pasted bulletin
 * paragraph (docs/commands.md §10): words that may sit between a metric word and its
 * number, words that introduce itemised materials, total and value words, nouns that mark
 * a number as a count of places (12个街道), extra metric cue words mapped to dictionary
 * keys, and the answers that confirm or cancel what was read.
 */
public record ProseVocabulary(List<String> fillers, List<String> itemIntros, List<String> totalWords,
        List<String> valueWords, List<String> ignoredAfter, Map<String, String> metricCues, List<String> confirmWords,
        List<String> cancelWords) {

    public ProseVocabulary {
        fillers = List.copyOf(fillers);
        itemIntros = List.copyOf(itemIntros);
        totalWords = List.copyOf(totalWords);
        valueWords = List.copyOf(valueWords);
        ignoredAfter = List.copyOf(ignoredAfter);
        metricCues = Map.copyOf(metricCues);
        confirmWords = List.copyOf(confirmWords);
        cancelWords = List.copyOf(cancelWords);
    }
}
