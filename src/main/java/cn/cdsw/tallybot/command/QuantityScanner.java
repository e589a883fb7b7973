package cn.cdsw.tallybot.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Splits one piece of text (no separators inside) into words and quantities:
 * {@code 走访196户} becomes 走访 + 196户, {@code 电话80余通} 电话 + 80余通, {@code 志愿者二十三人} 志愿者 + 二十三人.
 * <p>
 * Chinese numerals also occur inside names (三圣街道, 一次性手套), so a Chinese-numeral quantity
 * counts only when a unit follows and the unit ends the piece or is followed by a digit,
 * a non-letter or a known word. An Arabic number counts when a unit follows, or when it
 * ends the piece ({@code 走访196}: the unit is then missing, which the report parser
 * explains to the user); otherwise it stays part of a name (N95口罩).
 */
final class QuantityScanner {

    private static final String CHINESE_NUMERALS = "零〇一二两三四五六七八九十百千万亿";

    private static final String MULTIPLIERS = "万千百";

    private final Lexicon lexicon;

    private final boolean prose;

    /**
     * Amounts written in words (千余, 上千, 数百), longest first, and what each stands for;
     * prose only.
     */
    private final List<String> amountWords;

    private final Map<String, Long> amounts;

    /**
     * The units of the lexicon and, in prose, the counting units (家, 位), longest first.
     */
    private final List<String> units;

    /**
     * The first characters of the approximation prefixes (约, 近, 大约 …) and of the amount
     * words, from the loaded configuration.
     */
    private final String approxPrefixStarts;

    QuantityScanner(Lexicon lexicon) {
        this(lexicon, false);
    }

    QuantityScanner(Lexicon lexicon, boolean prose) {
        this(lexicon, prose, Map.of(), List.of());
    }

    /**
     * With {@code prose}, a Chinese-numeral quantity may also run straight into a noun
     * (走访慰问了三户困难家庭), as bulletin paragraphs write it; a lone 一 still may not, being
     * idiomatic there (一次性, 一户一档).
     */
    QuantityScanner(Lexicon lexicon, boolean prose, Map<String, Long> amounts, List<String> countUnits) {
        this.lexicon = lexicon;
        this.prose = prose;
        this.amounts = Map.copyOf(amounts);
        this.amountWords = longestFirst(amounts.keySet().stream());
        this.units = longestFirst(Stream.concat(lexicon.units().stream(), countUnits.stream()));
        StringBuilder starts = new StringBuilder();
        lexicon.approxPrefixes().forEach(p -> starts.append(p.charAt(0)));
        amountWords.forEach(w -> starts.append(w.charAt(0)));
        this.approxPrefixStarts = starts.toString();
    }

    /**
     * A scanner for bulletin paragraphs: Chinese numerals may run into a noun, amounts
     * may be written in words (千余名 is about 1000), and the counting units of
     * organisations and staff (6家, 120位) make quantities too, so that such counts are
     * seen and left out by name rather than missed.
     */
    static QuantityScanner forProse(Lexicon lexicon) {
        return new QuantityScanner(lexicon, true, lexicon.config().prose().approximateAmounts(),
                lexicon.config().prose().countUnits());
    }

    List<Token> scan(String piece) {
        List<Token> tokens = new ArrayList<>();
        int wordStart = 0;
        int i = 0;
        while (i < piece.length()) {
            Token.Quantity quantity = mayStartQuantity(piece.charAt(i)) ? quantityAt(piece, i) : null;
            if (quantity != null) {
                addWord(piece, wordStart, i, tokens);
                tokens.add(quantity);
                i += quantity.raw().length();
                wordStart = i;
            }
            else {
                i += Character.charCount(piece.codePointAt(i));
            }
        }
        addWord(piece, wordStart, i, tokens);
        return tokens;
    }

    /**
     * Whether {@link #scan} would read a quantity first: {@code 196户} or {@code 三户}, not
     * {@code 三圣街道社工站}.
     */
    boolean startsWithQuantity(String piece) {
        return !piece.isEmpty() && mayStartQuantity(piece.charAt(0)) && quantityAt(piece, 0) != null;
    }

    /**
     * A quantity starts with an approximation prefix, a minus sign or a numeral; any
     * other character is skipped without trying {@link #quantityAt}, which is most
     * characters of a message.
     */
    boolean mayStartQuantity(char c) {
        return isAsciiDigit(c) || CHINESE_NUMERALS.indexOf(c) >= 0 || c == '-' || c == '负'
                || approxPrefixStarts.indexOf(c) >= 0;
    }

    /**
     * The quantity written at {@code start}, its raw text running to where it ends; null
     * when there is none. Package-private for the test that checks
     * {@link #mayStartQuantity} only skips places where this is null.
     */
    Token.@Nullable Quantity quantityAt(String s, int start) {
        int i = start;
        boolean approx = false;
        String prefix = startingWith(s, i, lexicon.approxPrefixes());
        if (prefix != null) {
            approx = true;
            i += prefix.length();
        }
        boolean negative = i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '负');
        if (negative) {
            i++;
        }
        int numberStart = i;
        boolean arabic = i < s.length() && isAsciiDigit(s.charAt(i));
        Optional<BigDecimal> value;
        String amountWord = negative ? null : startingWith(s, i, amountWords);
        if (amountWord != null) {
            approx = true;
            value = Optional.of(BigDecimal.valueOf(amounts.get(amountWord)));
            i += amountWord.length();
        }
        else {
            i = arabic ? endOfArabic(s, i) : endOfRun(s, i, CHINESE_NUMERALS);
            if (i == numberStart) {
                return null;
            }
            value = ChineseNumbers.parseNormalized(s.substring(numberStart, i));
            if (value.isEmpty()) {
                return null;
            }
        }
        int numberEnd = i;
        String suffix = startingWith(s, i, lexicon.approxSuffixes());
        if (suffix != null) {
            approx = true;
            i += suffix.length();
        }
        String unit = startingWith(s, i, units);
        if (unit != null) {
            i += unit.length();
            String trailing = startingWith(s, i, lexicon.approxSuffixes());
            if (trailing != null) {
                approx = true;
                i += trailing.length();
            }
        }
        if (!acceptable(s, i, arabic, unit, numberStart, numberEnd)) {
            return null;
        }
        return new Token.Quantity(value.get(), approx, negative, unit, s.substring(start, i));
    }

    private boolean acceptable(String s, int end, boolean arabic, @Nullable String unit, int numeralStart,
            int numeralEnd) {
        if (end == s.length()) {
            return true;
        }
        if (unit == null) {
            return false;
        }
        if (arabic) {
            return true;
        }
        char next = s.charAt(end);
        if (!Character.isLetter(next) || lexicon.keywordAt(s, end)) {
            return true;
        }
        boolean loneOne = numeralEnd - numeralStart == 1 && s.charAt(numeralStart) == '一';
        return prose && !loneOne;
    }

    private static int endOfArabic(String s, int i) {
        int j = i;
        while (j < s.length() && isAsciiDigit(s.charAt(j))) {
            j++;
        }
        if (j + 1 < s.length() && s.charAt(j) == '.' && isAsciiDigit(s.charAt(j + 1))) {
            j++;
            while (j < s.length() && isAsciiDigit(s.charAt(j))) {
                j++;
            }
        }
        return endOfRun(s, j, MULTIPLIERS);
    }

    private static int endOfRun(String s, int i, String alphabet) {
        int j = i;
        while (j < s.length() && alphabet.indexOf(s.charAt(j)) >= 0) {
            j++;
        }
        return j;
    }

    private static @Nullable String startingWith(String s, int i, List<String> words) {
        if (i >= s.length()) {
            return null;
        }
        char first = s.charAt(i);
        for (String w : words) {
            if (w.charAt(0) != first) {
                continue;
            }
            if (s.startsWith(w, i)) {
                return w;
            }
        }
        return null;
    }

    private static List<String> longestFirst(Stream<String> words) {
        return words.distinct()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .toList();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The text between two quantities (or the piece's ends) is one word, when there is
     * any.
     */
    private static void addWord(String piece, int from, int to, List<Token> tokens) {
        if (to > from) {
            tokens.add(new Token.Word(piece.substring(from, to)));
        }
    }

}
