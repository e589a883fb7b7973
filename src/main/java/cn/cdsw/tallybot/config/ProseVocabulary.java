package cn.cdsw.tallybot.config;

import java.util.List;
import java.util.Map;

/**
 * The words of {@code prose.yml} that let the prose extractor read a pasted bulletin
 * paragraph (docs/commands.md §10): words that may sit between a metric word and its
 * number, words that introduce itemised materials, total and value words, nouns that mark
 * a number as a count of places, organisations, staff or donors (12个街道, 60名专职社工), words
 * after which a number counts what there is or what was found (共有, 排查出), counting units
 * that only such counts take (6家, 120位), approximate amounts written in words (千余 →
 * 1000), the words that make a figure one per day or household (每天, 每户), the words that
 * make a clause cumulative (累计) or a part of the figure before it (其中), the generic
 * metrics a specific word next to them overrides (心理疏导服务), extra metric cue words mapped
 * to dictionary keys, the answers that confirm or cancel what was read, and how a
 * bulletin covering several stations is cut and how large it may be.
 */
public record ProseVocabulary(List<String> fillers, List<String> itemIntros, List<String> totalWords,
        List<String> valueWords, List<String> ignoredAfter, List<String> notActivityWords, List<String> countUnits,
        Map<String, Long> approximateAmounts, List<String> perPeriodWords, List<String> scopeWords,
        List<String> partWords, List<String> genericMetrics, Map<String, String> metricCues, List<String> confirmWords,
        List<String> cancelWords, BulletinVocabulary bulletin) {

    public ProseVocabulary {
        fillers = List.copyOf(fillers);
        itemIntros = List.copyOf(itemIntros);
        totalWords = List.copyOf(totalWords);
        valueWords = List.copyOf(valueWords);
        ignoredAfter = List.copyOf(ignoredAfter);
        notActivityWords = List.copyOf(notActivityWords);
        countUnits = List.copyOf(countUnits);
        approximateAmounts = Map.copyOf(approximateAmounts);
        perPeriodWords = List.copyOf(perPeriodWords);
        scopeWords = List.copyOf(scopeWords);
        partWords = List.copyOf(partWords);
        genericMetrics = List.copyOf(genericMetrics);
        metricCues = Map.copyOf(metricCues);
        confirmWords = List.copyOf(confirmWords);
        cancelWords = List.copyOf(cancelWords);
    }
}
