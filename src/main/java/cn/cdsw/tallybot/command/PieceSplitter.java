package cn.cdsw.tallybot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Cuts a normalised message body into pieces, one clause each: lines, then the separators of design §3
 * ({@code , 、 ; 。} and spaces). A space is a separator between words but not inside a quantity, so
 * {@code 走访 196 户} and {@code 区县: 锦江区} are glued back into one piece. A note field
 * ({@code 备注:…}) takes the rest of its line verbatim, separators and all.
 */
final class PieceSplitter {

    /** Clause separators, plus what users wrap or end clauses with: brackets, ·, ! and ?. */
    private static final Pattern STRONG_SEPARATORS = Pattern.compile("[,、;。!?()\\[\\]【】〔〕·•]+");
    private static final String NUMERIC_START = "0123456789零〇一二两三四五六七八九十百千万-";

    private final Lexicon lexicon;
    private final QuantityScanner scanner;
    private final Pattern noteField;

    PieceSplitter(Lexicon lexicon, List<String> noteWords) {
        this.lexicon = lexicon;
        this.scanner = new QuantityScanner(lexicon);
        String alternatives = String.join("|", noteWords.stream().map(Pattern::quote).toList());
        this.noteField = Pattern.compile("(?:^|[\\s,、;。])(?:" + alternatives + ")\\s*:");
    }

    /** The pieces of a body and its note, if any (several note lines are joined with a space). */
    record Pieces(List<String> pieces, @Nullable String note) {
    }

    Pieces split(String body) {
        List<String> pieces = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String line : body.split("\n")) {
            Matcher m = noteField.matcher(line);
            String clauses = line;
            if (m.find()) {
                notes.add(line.substring(m.end()).strip());
                clauses = line.substring(0, m.start());
            }
            for (String segment : STRONG_SEPARATORS.split(clauses)) {
                pieces.addAll(glue(segment.strip().split(" ")));
            }
        }
        pieces.removeIf(String::isBlank);
        String note = String.join(" ", notes.stream().filter(n -> !n.isBlank()).toList());
        return new Pieces(pieces, note.isEmpty() ? null : note);
    }

    private List<String> glue(String[] words) {
        List<String> glued = new ArrayList<>();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            int last = glued.size() - 1;
            if (last >= 0 && belongsToPrevious(glued.get(last), word)) {
                glued.set(last, glued.get(last) + word);
            } else {
                glued.add(word);
            }
        }
        return glued;
    }

    private boolean belongsToPrevious(String previous, String word) {
        if (previous.endsWith(":") || word.startsWith(":")) {
            return true;
        }
        if (NUMERIC_START.indexOf(word.charAt(0)) >= 0 && startsAQuantity(word)) {
            return true;
        }
        boolean afterNumber = Character.isDigit(previous.charAt(previous.length() - 1))
                || lexicon.approxSuffixes().stream().anyMatch(previous::endsWith)
                || previous.endsWith("万");
        boolean unitOrMarker = lexicon.isUnit(word) || lexicon.approxSuffixes().contains(word)
                || lexicon.isUnit(stripSuffix(word)) || lexicon.isUnit(stripPrefixMarker(word));
        return afterNumber && unitOrMarker
                || lexicon.approxSuffixes().contains(word) && lexicon.units().stream().anyMatch(previous::endsWith);
    }

    /** A word such as {@code 196}, {@code 196户} or {@code 三户}, but not {@code 三圣街道社工站}. */
    private boolean startsAQuantity(String word) {
        List<Token> tokens = scanner.scan(word);
        return !tokens.isEmpty() && tokens.get(0) instanceof Token.Quantity;
    }

    /** 余户 → 户: an approximation marker written after a space, before the unit (300 余户). */
    private String stripPrefixMarker(String word) {
        for (String marker : lexicon.approxSuffixes()) {
            if (word.startsWith(marker) && word.length() > marker.length()) {
                return word.substring(marker.length());
            }
        }
        return word;
    }

    private String stripSuffix(String word) {
        for (String suffix : lexicon.approxSuffixes()) {
            if (word.endsWith(suffix) && word.length() > suffix.length()) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }
}
