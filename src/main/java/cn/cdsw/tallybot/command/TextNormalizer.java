package cn.cdsw.tallybot.command;

/**
 * First step of parsing (docs/commands.md §13): turns what a phone keyboard produces into
 * one canonical spelling, so the tokenizer, {@link ChineseNumbers} and
 * {@link DateExpressions} see {@code #上报 走访196户} whether the user typed
 * {@code ＃上报　走访１９６户} or pasted it with Windows line endings.
 * <p>
 * Chinese IMEs switch between full-width and half-width punctuation on their own, so the
 * grammar treats {@code ，}/{@code ,}, {@code ：}/{@code :} and {@code ＃}/{@code #} as the
 * same separator; folding them here means no later stage has to list both. {@code 、} and
 * {@code 。} have no half-width twin and are left for the tokenizer, which treats them as
 * separators. The result is idempotent: normalising twice changes nothing.
 */
public final class TextNormalizer {

    private static final char FULL_WIDTH_FIRST = '\uFF01';

    private static final char FULL_WIDTH_LAST = '\uFF5E';

    /** Full-width ASCII U+FF01–U+FF5E sits at a fixed offset from ASCII U+0021–U+007E. */
    private static final int FULL_WIDTH_OFFSET = FULL_WIDTH_FIRST - '!';

    /** Small form number sign, which some IMEs offer next to {@code ＃}. */
    private static final char SMALL_NUMBER_SIGN = '\uFE5F';

    private TextNormalizer() {
    }

    /**
     * Normalises a raw chat message: half-width ASCII, {@code \n} line ends, single
     * spaces, trimmed non-blank lines and no thousands separators. Never throws; any
     * string is accepted.
     * <p>
     * One pass folds each character and tidies the lines as it goes (the parser runs this
     * on every message, so it avoids a split per line and a regular expression); a second
     * pass runs only when a comma was written.
     */
    public static String normalize(String raw) {
        char[] out = new char[raw.length()];
        int length = 0;
        boolean lineHasText = false;
        boolean pendingSpace = false;
        boolean sawComma = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r' || c == '\n') {
                // \r\n and a lone \r (old Mac, some Android keyboards) both end one line.
                if (c == '\r' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
                lineHasText = false;
                pendingSpace = false;
                continue;
            }
            if (isSpace(c)) {
                // Leading spaces are dropped, a run inside the line becomes one space,
                // trailing ones are dropped.
                pendingSpace = lineHasText;
                continue;
            }
            // A character outside the BMP (a rare place-name character, an emoji) is kept
            // whole.
            boolean pair = Character.isHighSurrogate(c) && i + 1 < raw.length()
                    && Character.isLowSurrogate(raw.charAt(i + 1));
            if (!pair && isInvisible(c)) {
                continue;
            }
            char folded = fold(c);
            if (!lineHasText && length > 0) {
                // The first text of a line after an earlier non-blank line; blank lines
                // never get here.
                out[length++] = '\n';
            }
            else if (pendingSpace) {
                out[length++] = ' ';
            }
            out[length++] = folded;
            if (pair) {
                out[length++] = raw.charAt(++i);
            }
            lineHasText = true;
            pendingSpace = false;
            sawComma |= folded == ',';
        }
        return sawComma ? withoutThousandsSeparators(out, length) : new String(out, 0, length);
    }

    /**
     * Maps character by character; none of the mapped characters is a surrogate, so pairs
     * pass through intact.
     */
    private static char fold(char c) {
        if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) {
            return (char) (c - FULL_WIDTH_OFFSET);
        }
        return c == SMALL_NUMBER_SIGN ? '#' : c;
    }

    /**
     * Tabs, vertical tab, form feed, and every Unicode space separator (NBSP, U+3000,
     * thin spaces …).
     */
    private static boolean isSpace(char c) {
        if (c < 0x80) {
            // The only ASCII space separator is ' '; ASCII needs no lookup in the Unicode
            // tables.
            return c == ' ' || c == '\t' || c == '\u000B' || c == '\f';
        }
        return Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /**
     * Characters that show nothing or nothing sensible, dropped so that they can neither
     * split a figure ({@code 19\u200B6}), nor turn one station into several
     * ({@code 三圣\u200D街道社工站}), nor reach a stored name: format characters (zero-width
     * space and joiners, the byte-order mark, right-to-left overrides and isolates, which
     * would reverse how QQ shows the rest of a confirmation), controls such as NUL, a
     * surrogate without its pair, and U+FFFD, which a decoder puts where the bytes were
     * not UTF-8.
     */
    private static boolean isInvisible(char c) {
        if (c < 0x80) {
            return c < 0x20 || c == 0x7F;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.CONTROL || type == Character.SURROGATE || c == '\uFFFD';
    }

    /**
     * Drops each comma between a digit and a group of exactly three digits, a thousands
     * separator ({@code 4,283}). A comma before one, two or four-plus digits is a list
     * separator ({@code 走访3,电话300}, {@code 12,34}) and stays. The neighbours are read in
     * the text as it was, so {@code 1,234,567} loses both.
     */
    private static String withoutThousandsSeparators(char[] text, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (!isThousandsSeparator(text, length, i)) {
                out.append(text[i]);
            }
        }
        return out.toString();
    }

    private static boolean isThousandsSeparator(char[] text, int length, int i) {
        if (text[i] != ',' || i == 0 || !isAsciiDigit(text[i - 1]) || i + 3 >= length) {
            return false;
        }
        boolean threeDigits = isAsciiDigit(text[i + 1]) && isAsciiDigit(text[i + 2]) && isAsciiDigit(text[i + 3]);
        return threeDigits && (i + 4 == length || !isAsciiDigit(text[i + 4]));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

}
