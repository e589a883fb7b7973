package cn.cdsw.tallybot.command;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Cuts a normalised message body into pieces, one clause each: lines, then the clause
 * separators ({@code , 、 ; 。} and spaces; docs/commands.md §13). A space is a separator
 * between words but not inside a quantity, so {@code 走访 196 户} and {@code 区县: 锦江区} are
 * glued back into one piece. A note field ({@code 备注:…}) takes the rest of its line
 * verbatim, separators and all.
 * <p>
 * Every #上报 body passes through here, so the cutting is done with loops over the
 * characters rather than a regular expression per line and per clause.
 */
final class PieceSplitter {

    /**
     * Clause separators, plus what users wrap or end clauses with: brackets, ·, ! and ?.
     */
    private static final String STRONG_SEPARATORS = ",、;。!?()[]【】〔〕·•";

    /**
     * What may stand right before a note word for it to open a note field, besides the
     * start of the line.
     */
    private static final String BEFORE_NOTE_WORD = " \t\n\u000B\f\r,、;。";

    /**
     * {@code \s} of a regular expression: what may stand between a note word and its
     * colon.
     */
    private static final String REGEX_SPACES = " \t\n\u000B\f\r";

    private static final String NUMERIC_START = "0123456789零〇一二两三四五六七八九十百千万-";

    private final Lexicon lexicon;

    private final QuantityScanner scanner;

    private final List<String> noteWords;

    PieceSplitter(Lexicon lexicon, List<String> noteWords) {
        this.lexicon = lexicon;
        this.scanner = new QuantityScanner(lexicon);
        this.noteWords = List.copyOf(noteWords);
    }

    /**
     * The pieces of a body and its note, if any (several note lines are joined with a
     * space).
     */
    record Pieces(List<String> pieces, @Nullable String note) {
    }

    Pieces split(String body) {
        List<String> pieces = new ArrayList<>();
        StringBuilder note = new StringBuilder();
        for (String line : body.split("\n")) {
            NoteField field = noteField(line);
            int clausesEnd = line.length();
            if (field != null) {
                addNote(note, line.substring(field.end()).strip());
                clausesEnd = field.start();
            }
            splitClauses(line, clausesEnd, pieces);
        }
        pieces.removeIf(String::isBlank);
        return new Pieces(pieces, note.isEmpty() ? null : note.toString());
    }

    private static void addNote(StringBuilder notes, String note) {
        if (note.isBlank()) {
            return;
        }
        if (!notes.isEmpty()) {
            notes.append(' ');
        }
        notes.append(note);
    }

    /**
     * Where a note field starts (at the separator before its word, if any) and where its
     * text starts.
     */
    private record NoteField(int start, int end) {
    }

    /**
     * The first note field of a line: a note word at the start of the line or after a
     * space or separator, then spaces and a colon ({@code 备注:}, {@code ,说明 :}). The
     * leftmost wins, and at one place the note words are tried in their configured order.
     */
    private @Nullable NoteField noteField(String line) {
        if (line.indexOf(':') < 0) {
            return null;
        }
        for (int start = 0; start < line.length(); start++) {
            NoteField atStart = start == 0 ? noteWordAt(line, 0, 0) : null;
            if (atStart != null) {
                return atStart;
            }
            if (BEFORE_NOTE_WORD.indexOf(line.charAt(start)) >= 0) {
                NoteField afterSeparator = noteWordAt(line, start, start + 1);
                if (afterSeparator != null) {
                    return afterSeparator;
                }
            }
        }
        return null;
    }

    private @Nullable NoteField noteWordAt(String line, int fieldStart, int wordStart) {
        for (String word : noteWords) {
            if (!line.startsWith(word, wordStart)) {
                continue;
            }
            int colon = wordStart + word.length();
            while (colon < line.length() && REGEX_SPACES.indexOf(line.charAt(colon)) >= 0) {
                colon++;
            }
            if (colon < line.length() && line.charAt(colon) == ':') {
                return new NoteField(fieldStart, colon + 1);
            }
        }
        return null;
    }

    /**
     * Cuts {@code line} up to {@code end} at the strong separators, and each clause at
     * its spaces.
     */
    private void splitClauses(String line, int end, List<String> pieces) {
        int clauseStart = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || STRONG_SEPARATORS.indexOf(line.charAt(i)) >= 0) {
                if (i > clauseStart) {
                    glueWords(line.substring(clauseStart, i).strip(), pieces);
                }
                clauseStart = i + 1;
            }
        }
    }

    /**
     * Adds the space-separated words of a clause, gluing a word to the one before when it
     * continues it.
     */
    private void glueWords(String clause, List<String> pieces) {
        int first = pieces.size();
        int wordStart = 0;
        for (int i = 0; i <= clause.length(); i++) {
            if (i < clause.length() && clause.charAt(i) != ' ') {
                continue;
            }
            if (i > wordStart) {
                String word = clause.substring(wordStart, i);
                int last = pieces.size() - 1;
                if (last >= first && belongsToPrevious(pieces.get(last), word)) {
                    pieces.set(last, pieces.get(last) + word);
                }
                else {
                    pieces.add(word);
                }
            }
            wordStart = i + 1;
        }
    }

    private boolean belongsToPrevious(String previous, String word) {
        if (previous.endsWith(":") || word.startsWith(":")) {
            return true;
        }
        if (NUMERIC_START.indexOf(word.charAt(0)) >= 0 && scanner.startsWithQuantity(word)) {
            return true;
        }
        boolean approxWord = lexicon.approxSuffixes().contains(word);
        if (afterNumber(previous) && (approxWord || isUnitOrMarkedUnit(word))) {
            return true;
        }
        return approxWord && endsWithAny(previous, lexicon.units());
    }

    /** 196, 300余, 2.5万: what a unit written after a space may follow. */
    private boolean afterNumber(String previous) {
        return Character.isDigit(previous.charAt(previous.length() - 1))
                || endsWithAny(previous, lexicon.approxSuffixes()) || previous.endsWith("万");
    }

    /** 户, 户余 or 余户: a unit, alone or with an approximation marker on either side. */
    private boolean isUnitOrMarkedUnit(String word) {
        return lexicon.isUnit(word) || lexicon.isUnit(stripSuffix(word)) || lexicon.isUnit(stripPrefixMarker(word));
    }

    private static boolean endsWithAny(String text, List<String> endings) {
        for (String ending : endings) {
            if (text.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /**
     * 余户 → 户: an approximation marker written after a space, before the unit (300 余户).
     */
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
