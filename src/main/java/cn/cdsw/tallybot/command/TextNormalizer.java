package cn.cdsw.tallybot.command;

import java.util.regex.Pattern;

/**
 * First step of parsing (style rule 15): turns what a phone keyboard produces into one canonical spelling, so the
 * tokenizer, {@link ChineseNumbers} and {@link DateExpressions} see {@code #上报 走访196户} whether the user typed
 * {@code ＃上报　走访１９６户} or pasted it with Windows line endings.
 * <p>
 * Chinese IMEs switch between full-width and half-width punctuation on their own, so design §3 treats
 * {@code ，}/{@code ,}, {@code ：}/{@code :} and {@code ＃}/{@code #} as the same separator; folding them here means no
 * later stage has to list both. {@code 、} and {@code 。} have no half-width twin and are left for the tokenizer,
 * which treats them as separators. The result is idempotent: normalising twice changes nothing.
 */
public final class TextNormalizer {

    /**
     * A comma between a digit and a group of exactly three digits is a thousands separator ({@code 4,283}, design §3).
     * A comma before one, two or four-plus digits is a list separator ({@code 走访3,电话300}, {@code 12,34}) and stays.
     */
    private static final Pattern THOUSANDS_SEPARATOR = Pattern.compile("(?<=[0-9]),(?=[0-9]{3}(?![0-9]))");

    private static final char FULL_WIDTH_FIRST = '\uFF01';

    private static final char FULL_WIDTH_LAST = '\uFF5E';

    /** Full-width ASCII U+FF01–U+FF5E sits at a fixed offset from ASCII U+0021–U+007E. */
    private static final int FULL_WIDTH_OFFSET = FULL_WIDTH_FIRST - '!';

    /** Small form number sign, which some IMEs offer next to {@code ＃}. */
    private static final char SMALL_NUMBER_SIGN = '\uFE5F';

    private TextNormalizer() {
    }

    /**
     * Normalises a raw chat message: half-width ASCII, {@code \n} line ends, single spaces, trimmed non-blank lines and
     * no thousands separators. Never throws; any string is accepted.
     */
    public static String normalize(String raw) {
        String folded = foldCharacters(raw);
        String lines = tidyLines(folded);
        return THOUSANDS_SEPARATOR.matcher(lines).replaceAll("");
    }

    /** Maps character by character; none of the mapped characters is a surrogate, so pairs pass through intact. */
    private static String foldCharacters(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                // \r\n and a lone \r (old Mac, some Android keyboards) both end one line.
                out.append('\n');
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            }
            else if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) {
                out.append((char) (c - FULL_WIDTH_OFFSET));
            }
            else if (c == SMALL_NUMBER_SIGN) {
                out.append('#');
            }
            else if (isZeroWidth(c)) {
                // Invisible, but it would split 19\u200B6 into two numbers; copy-paste from web pages brings these.
                continue;
            }
            else if (isSpace(c)) {
                out.append(' ');
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Tabs, vertical tab, form feed, and every Unicode space separator (NBSP, U+3000, thin spaces …). */
    private static boolean isSpace(char c) {
        return c == '\t' || c == '\u000B' || c == '\f' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    private static boolean isZeroWidth(char c) {
        return c == '\u200B' || c == '\uFEFF';
    }

    /** Collapses space runs, trims each line, drops blank lines; the joined result is therefore trimmed as well. */
    private static String tidyLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            String tidy = collapseSpaces(line);
            if (tidy.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(tidy);
        }
        return out.toString();
    }

    private static String collapseSpaces(String line) {
        StringBuilder out = new StringBuilder(line.length());
        boolean pendingSpace = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }
}
