package cn.cdsw.tallybot.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.MetricDefinition;

/**
 * Reads the figures out of a pasted bulletin paragraph (docs/commands.md §10). Pure Java.
 * <p>
 * The paragraph is cut into sentences (。；！？ and line ends) and clauses (，). Each quantity
 * of a clause is, in this order: left out and noted when it counts places, organisations,
 * staff or donors (8个社区社工室, 60名专职社工, 6家爱心企业), what there is or was found (共有志愿者1860名,
 * 排查出需帮扶对象76户), or is an ordinal (第3批); a value (N元 after a value word of the clause); a
 * materials total (N件 right after a total word, or before the list of what it was:
 * 860件防寒、助学和生活物资); an item whose name is a known item name; a metric (the nearest metric
 * word of the same clause that takes the unit, before the number or in the words that
 * follow it, 800份宣传册; filler words do not count towards the distance); or an item after
 * an item-introducing word of the sentence (其中大米有224袋，一次性手套500双). Anything else is noted,
 * never guessed. Every figure is a number written in the text, or an amount written in
 * words (千余 → about 1000); a figure written per day or household (每天, 每户) is kept as
 * written and marked.
 */
final class ProseExtractor {

    private static final Pattern SENTENCES = Pattern.compile("[。;!?\n]+");

    private static final Pattern CLAUSES = Pattern.compile("[,]+");

    /**
     * What may follow an item's quantity: the end of the clause, another item, or 等
     * (口罩300个、消毒液40瓶等).
     */
    private static final String ITEM_FOLLOWERS = "、和及与等";

    /** Where the words that name a noted count end: 8个社区社工室，… */
    private static final String NOTE_STOPS = "、和及与等的";

    /** The longest name a noted count carries after its number (社区社工室, 核酸采样点). */
    private static final int NOTE_NAME_LENGTH = 5;

    /** A quantity at [start, end) of its clause. */
    private record Found(Token.Quantity quantity, int start, int end) {
    }

    private final BotConfig config;

    private final QuantityScanner scanner;

    private final ProseWords words;

    ProseExtractor(Lexicon lexicon) {
        this.config = lexicon.config();
        this.scanner = QuantityScanner.forProse(lexicon);
        this.words = new ProseWords(config);
    }

    /**
     * The figures of a normalised paragraph; empty when it holds none. Never throws on
     * any text.
     */
    ProseFigures extract(String paragraph) {
        ProseFigures figures = new ProseFigures(config);
        String[] sentences = SENTENCES.split(paragraph);
        for (int s = 0; s < sentences.length; s++) {
            boolean listing = false;
            boolean part = false;
            String[] clauses = CLAUSES.split(sentences[s]);
            for (int c = 0; c < clauses.length; c++) {
                String clause = clauses[c].strip();
                readClause(clause, new Position(s, c, listing, part), figures);
                listing = listing || words.endOfLastItemIntro(clause) >= 0;
                part = part || words.hasPartWord(clause);
            }
        }
        return figures;
    }

    /**
     * A clause's place in the paragraph, and whether an item-introducing word or a part
     * word came before it in its sentence.
     */
    private record Position(int sentence, int clause, boolean listing, boolean part) {
    }

    private void readClause(String clause, Position position, ProseFigures figures) {
        List<Found> found = quantities(clause);
        List<ProseWords.MetricWord> metricWords = words.metricWords(clause);
        boolean scoped = words.hasScopeWord(clause);
        int previousEnd = 0;
        for (int k = 0; k < found.size(); k++) {
            Found f = found.get(k);
            Token.Quantity q = f.quantity();
            int nextStart = k + 1 < found.size() ? found.get(k + 1).start() : clause.length();
            if (q.unit() == null || q.negative()) {
                previousEnd = f.end();
                continue;
            }
            boolean ordinal = f.start() > 0 && clause.charAt(f.start() - 1) == '第';
            String written = (ordinal ? "第" : "") + q.raw() + noteName(clause, f.end(), nextStart);
            if (ordinal || words.countsSomethingElse(clause, f.end())
                    || words.hasNotActivityWord(clause.substring(0, f.start()))) {
                figures.note(written);
                previousEnd = f.end();
                continue;
            }
            boolean part = position.part() || words.hasPartWord(clause.substring(0, f.start()));
            ProseFigures.Where where = new ProseFigures.Where(position.sentence(), position.clause(), scoped, part,
                    words.perPeriodBefore(clause, f.start()).orElse(null), written);
            Found next = k + 1 < found.size() ? found.get(k + 1) : null;
            if (!read(clause, f, next, metricWords, previousEnd, position.listing(), where, figures)) {
                figures.note(written);
            }
            previousEnd = f.end();
        }
    }

    /**
     * The words that follow a noted count and say what it counts, up to a list mark, a
     * filler, a metric word or the next number: 8个社区社工室, 120名慢病老人.
     */
    private String noteName(String clause, int from, int nextStart) {
        Optional<String> noun = words.ignoredNounAt(clause, from);
        if (noun.isPresent()) {
            return noun.get();
        }
        int end = from;
        int limit = Math.min(nextStart, clause.length());
        int letters = 0;
        while (end < limit && letters < NOTE_NAME_LENGTH && NOTE_STOPS.indexOf(clause.charAt(end)) < 0
                && Character.isLetter(clause.charAt(end)) && !words.startsWithFiller(clause, end)
                && !words.startsWithMetricWord(clause, end)) {
            end++;
            letters++;
        }
        return clause.substring(from, end);
    }

    private List<Found> quantities(String clause) {
        List<Found> found = new ArrayList<>();
        int at = 0;
        for (Token token : scanner.scan(clause)) {
            if (token instanceof Token.Quantity q) {
                found.add(new Found(q, at, at + q.raw().length()));
            }
            at += token.raw().length();
        }
        return found;
    }

    /** True when the quantity was taken (as a figure, or left out by the figures). */
    private boolean read(String clause, Found f, @Nullable Found next, List<ProseWords.MetricWord> metricWords,
            int previousEnd, boolean listing, ProseFigures.Where where, ProseFigures figures) {
        Token.Quantity q = f.quantity();
        String before = clause.substring(0, f.start());
        if (Lexicon.YUAN.equals(q.unit())) {
            if (words.containsValueWord(before)) {
                figures.value(q, where);
                return true;
            }
            return false;
        }
        String following = clause.substring(f.end(), next != null ? next.start() : clause.length());
        if (config.materials().totalUnit().equals(q.unit())
                && (words.endsWithTotalWord(before) || words.endsWithTotalWord(following))) {
            figures.materialsTotal(q, where);
            return true;
        }
        String name = itemName(clause, f, previousEnd);
        if (!name.isEmpty() && config.materials().itemNames().contains(name)) {
            figures.item(name, q, where);
            return true;
        }
        if (readMetric(clause, f, next, metricWords, where, figures)) {
            return true;
        }
        boolean introduced = listing || words.endOfLastItemIntro(before) >= 0;
        if (!name.isEmpty() && introduced) {
            figures.item(name, q, where);
            return true;
        }
        return false;
    }

    /**
     * Tries the metric words of the clause nearest first; true when one of them took the
     * quantity. A word after the number counts only when no other number comes between,
     * and not when it stands nearer the next number, which it then names (专职社工5名、志愿者18名:
     * 志愿者 is the 18's).
     */
    private boolean readMetric(String clause, Found f, @Nullable Found next, List<ProseWords.MetricWord> metricWords,
            ProseFigures.Where where, ProseFigures figures) {
        List<ProseWords.MetricWord> candidates = new ArrayList<>();
        for (ProseWords.MetricWord w : metricWords) {
            if (w.end() <= f.start() || w.start() >= f.end() && eligibleAfter(clause, f, next, w)) {
                candidates.add(w);
            }
        }
        candidates.sort(Comparator.comparingInt((ProseWords.MetricWord w) -> distance(clause, w, f))
            .thenComparing(w -> w.start() >= f.end()));
        for (ProseWords.MetricWord candidate : candidates) {
            MetricDefinition metric = candidate.metric();
            if (figures.metric(metric, f.quantity(), where)) {
                return true;
            }
        }
        return false;
    }

    private boolean eligibleAfter(String clause, Found f, @Nullable Found next, ProseWords.MetricWord w) {
        if (next == null) {
            return true;
        }
        if (w.start() >= next.start()) {
            return false;
        }
        int toThis = words.weight(clause.substring(f.end(), w.start()));
        int toNext = words.weight(clause.substring(w.end(), next.start()));
        return toThis < toNext;
    }

    private int distance(String clause, ProseWords.MetricWord word, Found f) {
        return word.end() <= f.start() ? words.weight(clause.substring(word.end(), f.start()))
                : words.weight(clause.substring(f.end(), word.start()));
    }

    /**
     * The name an item quantity is written after (发放口罩300个 → 口罩, 其中大米有224袋 → 大米), or
     * empty when the quantity does not stand at the end of an item: it must end the
     * clause or be followed by another.
     */
    private String itemName(String clause, Found f, int previousEnd) {
        if (!config.materials().units().contains(f.quantity().unit()) || !endsItem(clause, f.end())) {
            return "";
        }
        int start = previousEnd;
        for (int i = f.start() - 1; i >= previousEnd; i--) {
            if (ITEM_FOLLOWERS.indexOf(clause.charAt(i)) >= 0) {
                start = i + 1;
                break;
            }
        }
        String segment = clause.substring(start, f.start());
        int intro = words.endOfLastItemIntro(segment);
        String name = words
            .withoutLeadingFillers(words.withoutTrailingFillers(intro >= 0 ? segment.substring(intro) : segment))
            .strip();
        return plausibleName(name) ? name : "";
    }

    private boolean endsItem(String clause, int end) {
        return end == clause.length() || ITEM_FOLLOWERS.indexOf(clause.charAt(end)) >= 0
                || clause.startsWith("以及", end);
    }

    private boolean plausibleName(String name) {
        int length = name.codePointCount(0, name.length());
        return length >= 1 && length <= 12 && name.codePoints().allMatch(Character::isLetterOrDigit)
                && !name.codePoints().allMatch(Character::isDigit) && !words.isMetricWord(name);
    }

}
