package cn.cdsw.tallybot.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.cdsw.tallybot.config.BotConfig;

/**
 * Decides whether a #上报 body the strict grammar refused is a pasted paragraph, and reads
 * it into a draft for the sender to confirm. The district, unit, date or category may
 * come first: on lines of their own ({@code 彭州市 社工总站} then the paragraph) or as the first
 * words of the paragraph's line.
 */
final class ProseReports {

    /**
     * A run of text this long between separators and spaces, with no field colon and not
     * a unit name, is a sentence of a paragraph: form clauses are short (走访196户,
     * 物资:大米224袋).
     */
    static final int PROSE_CLAUSE_LENGTH = 12;

    static final int MIN_CLAUSES = 3;

    private static final Pattern SENTENCE_CLAUSES = Pattern.compile("[,;。]+");

    private static final Pattern CLAUSE_BREAKS = Pattern.compile("[,;。!?\n ]+");

    private static final Pattern DATE_WORD = Pattern.compile("[0-9]{1,2}月[0-9]{1,2}日|[0-9]{1,2}-[0-9]{1,2}|今天|昨天|前天");

    private static final Pattern NOT_IN_A_UNIT_NAME = Pattern.compile("[0-9,;。、:!?]");

    private final BotConfig config;

    private final ReportBodyParser strict;

    private final ProseExtractor extractor;

    ProseReports(Lexicon lexicon, ReportBodyParser strict) {
        this.config = lexicon.config();
        this.strict = strict;
        this.extractor = new ProseExtractor(lexicon);
    }

    /**
     * A paragraph as read: its draft, which may hold no figure, and the notes beside it.
     */
    record Reading(ReportDraft draft, ProseNotes notes) {
    }

    /**
     * The reading of a paragraph; empty when the body is not prose. A paragraph without a
     * figure reads as a draft without figures, which the caller answers rather than
     * holds.
     */
    Optional<Reading> read(String body, ParseContext context) {
        Header header = header(body, context);
        if (!isProse(header.rest())) {
            return Optional.empty();
        }
        ProseFigures figures = extractor.extract(header.rest());
        ReportDraft place = header.place();
        ReportDraft draft = new ReportDraft(place.district(), place.unit(), place.category(),
                place.activityDate() != null ? place.activityDate() : context.today(), figures.metrics(),
                figures.items(), figures.explicitTotal(), figures.valueYuan(), null);
        return Optional.of(new Reading(draft, figures.notes()));
    }

    /**
     * A sentence this long, or three or more comma-separated clauses without a field
     * colon (今日开展防疫宣传， 张贴海报45张，发放宣传单1200份): a report typed in clauses is read by the
     * strict grammar before this is asked.
     */
    private boolean isProse(String text) {
        boolean longSentence = CLAUSE_BREAKS.splitAsStream(text)
            .anyMatch(c -> c.codePointCount(0, c.length()) >= PROSE_CLAUSE_LENGTH && c.indexOf(':') < 0
                    && !config.grammar().looksLikeUnitName(c));
        return longSentence || text.indexOf(':') < 0 && SENTENCE_CLAUSES.split(text.strip()).length >= MIN_CLAUSES;
    }

    /** The place fields written before the paragraph, and the paragraph itself. */
    private record Header(ReportDraft place, String rest) {
    }

    private Header header(String body, ParseContext context) {
        List<String> lines = new ArrayList<>(Arrays.asList(body.split("\n")));
        List<String> taken = new ArrayList<>();
        while (lines.size() > 1 && placeOnly(join(taken, lines.get(0)), context).isPresent()) {
            taken.add(lines.remove(0));
        }
        String[] words = lines.get(0).split(" ");
        int used = 0;
        while (used < words.length - 1 && headerWord(words[used])
                && placeOnly(join(taken, words[used]), context).isPresent()) {
            taken.add(words[used++]);
        }
        lines.set(0, String.join(" ", Arrays.copyOfRange(words, used, words.length)));
        ReportDraft place = placeOnly(String.join(" ", taken), context)
            .orElse(new ReportDraft(null, null, null, null, List.of(), List.of(), null, null, null));
        return new Header(place, String.join("\n", lines));
    }

    /**
     * A word of the paragraph's own line may be a header word only when it plainly names
     * a place or a day.
     */
    private boolean headerWord(String word) {
        return config.districts().resolve(word).isPresent() || config.categories().contains(word)
                || DATE_WORD.matcher(word).matches()
                || config.grammar().looksLikeUnitName(word) && !NOT_IN_A_UNIT_NAME.matcher(word).find();
    }

    /** The district, unit, date and category of a text that holds nothing else. */
    private Optional<ReportDraft> placeOnly(String text, ParseContext context) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            ReportDraft draft = strict.parseChanges(text, context);
            return draft.hasFigures() || draft.note() != null ? Optional.empty() : Optional.of(draft);
        }
        catch (Unreadable e) {
            return Optional.empty();
        }
    }

    private static String join(List<String> taken, String next) {
        List<String> all = new ArrayList<>(taken);
        all.add(next);
        return String.join(" ", all);
    }

}
