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

    private final List<String> notActivityWords;

    private final List<String> perPeriodWords;

    private final List<String> scopeWords;

    private final List<String> partWords;

    private final List<String> genericMetrics;

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
        this.notActivityWords = longestFirst(prose.notActivityWords());
        this.perPeriodWords = longestFirst(prose.perPeriodWords());
        this.scopeWords = longestFirst(prose.scopeWords());
        this.partWords = longestFirst(prose.partWords());
        this.genericMetrics = prose.genericMetrics();
    }

    /**
     * Every metric word of the clause, left to right, each the longest one starting where
     * it starts. A noun of {@code ignored-after} that is longer hides the metric word it
     * starts with (心理咨询师 is no 心理咨询, 志愿服务队 no 志愿服务), and a generic metric word that
     * follows a specific one with only fillers between belongs to it (心理疏导服务, 志愿者参与服务).
     */
    List<MetricWord> metricWords(String clause) {
        List<MetricWord> found = new ArrayList<>();
        int i = 0;
        while (i < clause.length()) {
            Optional<String> word = wordAt(clause, i, metricWordsLongestFirst);
            Optional<String> noun = wordAt(clause, i, ignoredAfter);
            if (noun.isPresent() && noun.get().length() > word.map(String::length).orElse(0)) {
                i += noun.get().length();
            }
            else if (word.isPresent()) {
                MetricWord next = new MetricWord(i, i + word.get().length(), metricWords.get(word.get()));
                MetricWord last = found.isEmpty() ? null : found.get(found.size() - 1);
                if (last != null && isGeneric(next.metric()) && !isGeneric(last.metric())
                        && weight(clause.substring(last.end(), next.start())) == 0) {
                    found.set(found.size() - 1, new MetricWord(last.start(), next.end(), last.metric()));
                }
                else {
                    found.add(next);
                }
                i += word.get().length();
            }
            else {
                i++;
            }
        }
        return found;
    }

    private boolean isGeneric(MetricDefinition metric) {
        return genericMetrics.contains(metric.key());
    }

    boolean startsWithMetricWord(String text, int from) {
        return wordAt(text, from, metricWordsLongestFirst).isPresent();
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

    /**
     * Whether the words at {@code from} say that the number before them counts places,
     * organisations, staff or donors: a noun of {@code ignored-after}, unless a longer
     * metric word starts there (社工志愿者 would be volunteers).
     */
    boolean countsSomethingElse(String text, int from) {
        Optional<String> noun = wordAt(text, from, ignoredAfter);
        Optional<String> metric = wordAt(text, from, metricWordsLongestFirst);
        return noun.isPresent() && noun.get().length() >= metric.map(String::length).orElse(0);
    }

    Optional<String> ignoredNounAt(String text, int from) {
        return wordAt(text, from, ignoredAfter);
    }

    /**
     * The per-period word (每天, 每户) that governs a number at {@code at}: the last one
     * before it in the clause, unless a scope word (累计) comes between. Empty when none.
     */
    Optional<String> perPeriodBefore(String clause, int at) {
        String before = clause.substring(0, at);
        int best = -1;
        String found = null;
        for (String w : perPeriodWords) {
            int where = before.lastIndexOf(w);
            if (where > best) {
                best = where;
                found = w;
            }
        }
        if (found == null || containsAny(before.substring(best), scopeWords)) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /**
     * Whether the text before a number says it counts what there is or was found (共有,
     * 排查出).
     */
    boolean hasNotActivityWord(String before) {
        return containsAny(before, notActivityWords);
    }

    boolean hasScopeWord(String text) {
        return containsAny(text, scopeWords);
    }

    boolean hasPartWord(String text) {
        return containsAny(text, partWords);
    }

    /** Whether the text starts with a filler word at {@code from}. */
    boolean startsWithFiller(String text, int from) {
        return wordAt(text, from, fillers).isPresent();
    }

    private static boolean containsAny(String text, List<String> words) {
        return words.stream().anyMatch(text::contains);
    }

    /** Whether the text holds a total word (防寒、助学和生活物资). */
    boolean containsTotalWord(String text) {
        return containsAny(text, totalWords);
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
