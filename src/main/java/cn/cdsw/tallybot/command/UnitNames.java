package cn.cdsw.tallybot.command;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.EditDistance;
import cn.cdsw.tallybot.config.UnitDirectory;

/**
 * Station names against the unit directory of {@code units.yml} (docs/domain.md §7). A
 * name is compared by its key: NFKC, no format or control characters, no spaces, and
 * every kind of bracket as {@code ()}, so that 三圣街道社工站（锦江）, 三圣街道社工站(锦江), 三圣街道社工站【锦江】 and
 * 三圣 街道社工站 are one station, stored in the directory's spelling. A name the directory does
 * not list is stored in one spelling too (its key with Chinese brackets), and refused
 * with the directory's name only when it is one edit away from a unit of its own
 * district's list.
 */
final class UnitNames {

    /** Where a protected name stands in {@link #protect} text: the Private Use Area. */
    private static final char FIRST_PLACEHOLDER = '\uE000';

    private static final int MAX_PLACEHOLDERS = 0x100;

    /** CJK Unified Ideographs, which NFKC maps to themselves. */
    private static final char CJK_FIRST = '\u4E00';

    private static final char CJK_LAST = '\u9FFF';

    /**
     * A directory key this short is never guessed at: one edit changes too much of it.
     */
    private static final int MIN_GUESSED_LENGTH = 4;

    private record Known(String district, String name, String key) {
    }

    private final UnitDirectory directory;

    /** Longest key first, so that 新津区社工总站 wins over 社工总站 where both would match. */
    private final List<Known> known;

    UnitNames(UnitDirectory directory) {
        this.directory = directory;
        List<Known> all = new ArrayList<>();
        directory.unitsByDistrict()
            .forEach((district, units) -> units.stream()
                .filter(unit -> !key(unit).isEmpty())
                .forEach(unit -> all.add(new Known(district, unit, key(unit)))));
        all.sort(Comparator.comparingInt((Known k) -> k.key().length()).reversed());
        this.known = List.copyOf(all);
    }

    /**
     * The key a name is compared by: NFKC (full-width letters and brackets, compatibility
     * ideographs), without invisible characters and spaces, brackets as {@code ()}.
     */
    static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
                    || type == Character.CONTROL || c == '\uFFFD') {
                continue;
            }
            key.append(bracket(c));
        }
        return key.toString();
    }

    private static char bracket(char c) {
        return switch (c) {
            case '[', '【', '〔', '〖', '{', '<', '〈', '《', '「', '『' -> '(';
            case ']', '】', '〕', '〗', '}', '>', '〉', '》', '」', '』' -> ')';
            default -> c;
        };
    }

    /**
     * The spelling a unit name is stored in: the directory's, when the name is a listed
     * unit (of {@code district} first, else of any district); else its key with Chinese
     * brackets.
     */
    String spelling(@Nullable String district, String name) {
        String key = key(name);
        Known match = null;
        for (Known k : known) {
            if (k.key().equals(key) && (match == null || k.district().equals(district))) {
                match = k;
            }
        }
        return match != null ? match.name() : key.replace('(', '（').replace(')', '）');
    }

    boolean isListed(String name) {
        String key = key(name);
        return known.stream().anyMatch(k -> k.key().equals(key));
    }

    /**
     * The listed unit of {@code district} a name not listed there most likely meant: one
     * edit away, and the only one that close. Empty for a listed name, for a district
     * whose list is empty (its units are not known, so nothing is a near miss), and for
     * short names.
     */
    Optional<String> nearMiss(String district, String name) {
        List<String> units = directory.unitsOf(district);
        String key = key(name);
        String nearest = null;
        for (String unit : units) {
            String listed = key(unit);
            if (listed.equals(key)) {
                return Optional.empty();
            }
            if (listed.codePointCount(0, listed.length()) >= MIN_GUESSED_LENGTH
                    && EditDistance.between(key, listed) == 1) {
                if (nearest != null) {
                    return Optional.empty();
                }
                nearest = unit;
            }
        }
        return Optional.ofNullable(nearest);
    }

    /**
     * The text with each stretch that spells a listed unit (spaces inside it, other
     * brackets) replaced by one placeholder character, so that the piece splitter, which
     * cuts at spaces and brackets, keeps the name whole; {@link Protected#restore} puts
     * the directory's spelling back. Text that already holds Private Use characters is
     * left alone.
     */
    Protected protect(String text) {
        if (known.isEmpty() || text.chars().anyMatch(c -> Character.getType(c) == Character.PRIVATE_USE)) {
            return new Protected(text, List.of());
        }
        List<String> names = new ArrayList<>();
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = -1;
            Known hit = null;
            char first = fold(text.charAt(i));
            if (names.size() < MAX_PLACEHOLDERS) {
                for (Known k : known) {
                    end = k.key().charAt(0) == first ? matchAt(text, i, k.key()) : -1;
                    if (end > 0) {
                        hit = k;
                        break;
                    }
                }
            }
            if (hit == null) {
                out.append(text.charAt(i++));
                continue;
            }
            out.append((char) (FIRST_PLACEHOLDER + names.size()));
            names.add(hit.name());
            i = end;
        }
        return new Protected(out.toString(), names);
    }

    /**
     * Where a stretch of {@code text} from {@code start} that spells {@code key} ends, or
     * -1: it starts on the key's first character (which the caller checked) and may hold
     * spaces after it.
     */
    private static int matchAt(String text, int start, String key) {
        int j = start + 1;
        for (int k = 1; k < key.length(); k++) {
            while (j < text.length() && text.charAt(j) == ' ') {
                j++;
            }
            if (j >= text.length() || fold(text.charAt(j)) != key.charAt(k)) {
                return -1;
            }
            j++;
        }
        return j;
    }

    private static char fold(char c) {
        if (c < 0x80) {
            return bracket(c);
        }
        if (c >= CJK_FIRST && c <= CJK_LAST) {
            // nearly every character of a report, and NFKC leaves them alone
            return c;
        }
        String folded = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
        return folded.length() == 1 ? bracket(folded.charAt(0)) : c;
    }

    /** Text with placeholders for listed unit names, and the names they stand for. */
    record Protected(String text, List<String> names) {

        Protected {
            names = List.copyOf(names);
        }

        /** A piece of the protected text with the names put back. */
        String restore(String piece) {
            if (names.isEmpty()) {
                return piece;
            }
            StringBuilder out = new StringBuilder(piece.length());
            for (int i = 0; i < piece.length(); i++) {
                char c = piece.charAt(i);
                int index = c - FIRST_PLACEHOLDER;
                out.append(index >= 0 && index < names.size() ? names.get(index) : String.valueOf(c));
            }
            return out.toString();
        }

        @Nullable String restoreNullable(@Nullable String piece) {
            return piece == null ? null : restore(piece);
        }

    }

}
