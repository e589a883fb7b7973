package cn.cdsw.tallybot.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.MetricDefinition;

/**
 * Reads the figures out of a pasted bulletin paragraph (docs/commands.md §10). Pure Java.
 * <p>
 * The paragraph is cut into sentences (。；！？ and line ends) and clauses (，). Each quantity
 * of a clause is, in this order: a value (N元 after a value word of the clause), a
 * materials total (N件 right after a total word), an item whose name is a known item name,
 * a metric (the nearest metric word of the same clause, before or after, that takes the
 * unit; filler words do not count towards the distance), or an item after an
 * item-introducing word of the sentence (其中大米有224袋，一次性手套500双). Anything else is left out,
 * never guessed: 10家爱心企业, 12个街道, 第3批, dates. Every figure is a number written in the
 * text.
 */
final class ProseExtractor {

    private static final Pattern SENTENCES = Pattern.compile("[。;!?\n]+");

    private static final Pattern CLAUSES = Pattern.compile("[,]+");

    /**
     * What may follow an item's quantity: the end of the clause, another item, or 等
     * (口罩300个、消毒液40瓶等).
     */
    private static final String ITEM_FOLLOWERS = "、和及与等";

    /** A quantity at [start, end) of its clause. */
    private record Found(Token.Quantity quantity, int start, int end) {
    }

    private final BotConfig config;

    private final QuantityScanner scanner;

    private final ProseWords words;

    ProseExtractor(Lexicon lexicon) {
        this.config = lexicon.config();
        this.scanner = new QuantityScanner(lexicon, true);
        this.words = new ProseWords(config);
    }

    /**
     * The figures of a normalised paragraph; empty when it holds none. Never throws on
     * any text.
     */
    ProseFigures extract(String paragraph) {
        ProseFigures figures = new ProseFigures(config);
        for (String sentence : SENTENCES.split(paragraph)) {
            boolean listing = false;
            for (String clause : CLAUSES.split(sentence)) {
                readClause(clause.strip(), listing, figures);
                listing = listing || words.endOfLastItemIntro(clause) >= 0;
            }
        }
        return figures;
    }

    private void readClause(String clause, boolean listing, ProseFigures figures) {
        List<Found> found = quantities(clause);
        int previousEnd = 0;
        for (Found f : found) {
            if (countable(clause, f)) {
                read(clause, f, previousEnd, listing, figures);
            }
            previousEnd = f.end();
        }
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

    /**
     * A number with a unit that counts something reported: not negative, not 第3批, not
     * 12个街道.
     */
    private boolean countable(String clause, Found f) {
        Token.Quantity q = f.quantity();
        boolean ordinal = f.start() > 0 && clause.charAt(f.start() - 1) == '第';
        return q.unit() != null && !q.negative() && !ordinal && !words.startsWithIgnoredNoun(clause, f.end());
    }

    private void read(String clause, Found f, int previousEnd, boolean listing, ProseFigures figures) {
        Token.Quantity q = f.quantity();
        String before = clause.substring(0, f.start());
        if (Lexicon.YUAN.equals(q.unit())) {
            if (words.containsValueWord(before)) {
                figures.value(q);
            }
            return;
        }
        if (config.materials().totalUnit().equals(q.unit()) && words.endsWithTotalWord(before)) {
            figures.materialsTotal(q);
            return;
        }
        String name = itemName(clause, f, previousEnd);
        if (!name.isEmpty() && config.materials().itemNames().contains(name)) {
            figures.item(name, q);
            return;
        }
        if (readMetric(clause, f, figures)) {
            return;
        }
        boolean introduced = listing || words.endOfLastItemIntro(before) >= 0;
        if (!name.isEmpty() && introduced) {
            figures.item(name, q);
        }
    }

    /**
     * Tries the metric words of the clause nearest first; true when one of them took the
     * quantity.
     */
    private boolean readMetric(String clause, Found f, ProseFigures figures) {
        List<ProseWords.MetricWord> candidates = new ArrayList<>(words.metricWords(clause));
        candidates.removeIf(w -> w.end() > f.start() && w.start() < f.end());
        candidates.sort(Comparator.comparingInt((ProseWords.MetricWord w) -> distance(clause, w, f))
            .thenComparing(w -> w.start() >= f.end()));
        for (ProseWords.MetricWord candidate : candidates) {
            MetricDefinition metric = candidate.metric();
            if (figures.metric(metric, f.quantity())) {
                return true;
            }
        }
        return false;
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
