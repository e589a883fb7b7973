package cn.cdsw.tallybot.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.MetricDefinition;
import cn.cdsw.tallybot.config.ProseVocabulary;

/**
 * The word lists the prose extractor matches against a clause, longest first so that 入户走访
 * wins over 走访 and 防疫物资 over 物资: the metric words of the dictionary plus the cue words of
 * {@code prose.yml}, and the filler, item, total and value words.
 */
final class ProseWords {

    /** A metric word found in a clause, at [start, end). */
    record MetricWord(int start, int end, MetricDefinition metric) {
    }

    private final Map<String, MetricDefinition> metricWords = new HashMap<>();

    private final List<String> metricWordsLongestFirst;

    private final List<String> fillers;

    private final List<String> itemIntros;

    private final List<String> totalWords;

    private final List<String> valueWords;

    private final List<String> ignoredAfter;

    ProseWords(BotConfig config) {
        ProseVocabulary prose = config.prose();
        for (MetricDefinition m : config.metrics().all()) {
            metricWords.put(m.label(), m);
            m.synonyms().forEach(s -> metricWords.put(s, m));
        }
        prose.metricCues().forEach((cue, key) -> metricWords.put(cue, config.metrics().byKey(key).orElseThrow()));
        this.metricWordsLongestFirst = longestFirst(metricWords.keySet().stream().toList());
        this.fillers = longestFirst(prose.fillers());
        this.itemIntros = longestFirst(prose.itemIntros());
        this.totalWords = longestFirst(prose.totalWords());
        this.valueWords = longestFirst(prose.valueWords());
        this.ignoredAfter = longestFirst(prose.ignoredAfter());
    }

    /**
     * Every metric word of the clause, left to right, each the longest one starting where
     * it starts.
     */
    List<MetricWord> metricWords(String clause) {
        List<MetricWord> found = new ArrayList<>();
        int i = 0;
        while (i < clause.length()) {
            Optional<String> word = wordAt(clause, i, metricWordsLongestFirst);
            if (word.isPresent()) {
                found.add(new MetricWord(i, i + word.get().length(), metricWords.get(word.get())));
                i += word.get().length();
            }
            else {
                i++;
            }
        }
        return found;
    }

    boolean isMetricWord(String word) {
        return metricWords.containsKey(word);
    }

    /**
     * The length of a gap between a metric word and a number once the filler words are
     * taken out.
     */
    int weight(String gap) {
        String rest = gap;
        for (String filler : fillers) {
            rest = rest.replace(filler, "");
        }
        return rest.codePointCount(0, rest.length());
    }

    /** Text with filler words taken off its end (其中大米有 → 其中大米). */
    String withoutTrailingFillers(String text) {
        String rest = text;
        Optional<String> filler;
        while (!(filler = wordAt(rest, -1, fillers)).isEmpty()) {
            rest = rest.substring(0, rest.length() - filler.get().length());
        }
        return rest;
    }

    /** Text with filler words taken off its start (了大米 → 大米). */
    String withoutLeadingFillers(String text) {
        String rest = text;
        Optional<String> filler;
        while (!(filler = wordAt(rest, 0, fillers)).isEmpty()) {
            rest = rest.substring(filler.get().length());
        }
        return rest;
    }

    /**
     * Whether the text before a 件 number ends in a total word, fillers aside (防疫物资,
     * 物资共计).
     */
    boolean endsWithTotalWord(String before) {
        String rest = before;
        while (true) {
            if (wordAt(rest, -1, totalWords).isPresent()) {
                return true;
            }
            Optional<String> filler = wordAt(rest, -1, fillers);
            if (filler.isEmpty()) {
                return false;
            }
            rest = rest.substring(0, rest.length() - filler.get().length());
        }
    }

    boolean containsValueWord(String text) {
        return valueWords.stream().anyMatch(text::contains);
    }

    /** Where the last item-introducing word of the text ends, or -1 (发放口罩 → 2). */
    int endOfLastItemIntro(String text) {
        int end = -1;
        for (String intro : itemIntros) {
            int at = text.lastIndexOf(intro);
            if (at >= 0) {
                end = Math.max(end, at + intro.length());
            }
        }
        return end;
    }

    boolean startsWithIgnoredNoun(String text, int from) {
        return wordAt(text, from, ignoredAfter).isPresent();
    }

    /**
     * The longest word of the list at {@code at}; {@code at == -1} means "ending at the
     * end of the text".
     */
    private static Optional<String> wordAt(String text, int at, List<String> words) {
        for (String w : words) {
            boolean match = at < 0 ? text.endsWith(w) : text.startsWith(w, at);
            if (match) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    private static List<String> longestFirst(List<String> words) {
        return words.stream()
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .toList();
    }

}
