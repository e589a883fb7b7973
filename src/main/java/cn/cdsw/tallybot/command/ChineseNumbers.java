package cn.cdsw.tallybot.command;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

import cn.cdsw.tallybot.report.Decimals;

/**
 * Reads the numerals of reports (docs/commands.md §4) to an exact {@link BigDecimal}:
 * Arabic ({@code 4283}, {@code 29739.5}), Chinese ({@code 两千七百一十五}) and Arabic with a
 * multiplier ({@code 1.2万}).
 * <p>
 * Chinese numerals are accepted only in their standard spelling. The tokenizer uses this
 * class to decide where a number ends, and a report is stored only when every figure was
 * understood: a form we might misread must come back empty so the user is shown the right
 * form, rather than a wrong figure being stored. Hence:
 * <ul>
 * <li>digit-by-digit forms ({@code 一二〇}) are refused, because {@code 三四个} means "three or
 * four", not 34;</li>
 * <li>the colloquial {@code 一千五} (1500) is refused, because a strict grammar would read
 * it as 1005;</li>
 * <li>{@code 两} stands for 2 on its own or before {@code 百千万亿}, never before {@code 十},
 * after {@code 十} ({@code 十二万}, not {@code 十两万}) or as a last digit.</li>
 * </ul>
 * Strictness is enforced by a round trip: the string is evaluated leniently, then
 * accepted only if it is a spelling that {@link #toChinese(long)} would produce for that
 * value (allowing {@code 两}, {@code 〇} and a leading {@code 一十}).
 * <p>
 * Home-made on purpose: a numeral library such as ICU4J's spell-out rules would bring
 * megabytes to read more spellings, while what matters here is which spellings to refuse
 * and reading {@code 1.2万}, which would stay ours.
 */
public final class ChineseNumbers {

    /** Largest value {@link #toChinese(long)} spells: 9999亿9999万9999. */
    public static final long MAX_CHINESE = 999_999_999_999L;

    private static final String DIGITS = "零一二三四五六七八九";

    /** Units of the four places in each 万 section, indexed by power of ten modulo 4. */
    private static final String[] PLACE_UNITS = { "", "十", "百", "千" };

    /**
     * Canonical spellings of values up to {@link #MAX_CHINESE} are at most 23 characters;
     * longer input is refused.
     */
    private static final int MAX_CHINESE_LENGTH = 32;

    private ChineseNumbers() {
    }

    /**
     * Parses a whole string as one numeral; empty if it is not a well-formed numeral. The
     * text is run through {@link TextNormalizer} first, so {@code １９６} and {@code 4,283}
     * are read too. Negative numbers are not numerals here: the sign is the tokenizer's
     * business (negative figures are refused with a reply). Never throws.
     */
    public static Optional<BigDecimal> parse(String s) {
        return parseNormalized(TextNormalizer.normalize(s));
    }

    /**
     * {@link #parse} for text already normalised, as the scanner's is: it runs once per
     * candidate number.
     */
    static Optional<BigDecimal> parseNormalized(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int arabicEnd = endOfArabic(text);
        if (arabicEnd == text.length()) {
            return Optional.of(Decimals.canonical(new BigDecimal(text)));
        }
        if (arabicEnd > 0 && arabicEnd == text.length() - 1 && isMultiplier(text.charAt(arabicEnd))) {
            BigDecimal coefficient = new BigDecimal(text.substring(0, arabicEnd));
            BigDecimal multiplier = BigDecimal.valueOf(unitValue(text.charAt(arabicEnd)));
            return Optional.of(Decimals.canonical(coefficient.multiply(multiplier)));
        }
        OptionalLong chinese = parseChinese(text);
        return chinese.isPresent() ? Optional.of(BigDecimal.valueOf(chinese.getAsLong())) : Optional.empty();
    }

    /**
     * Where an Arabic number at the start of {@code text} ends: digits, then a point and
     * more digits if any follow ({@code 29739.5}; {@code 12.} ends before the point); 0
     * when {@code text} does not start with a digit. A loop rather than a regular
     * expression because the scanner asks this for every number it meets.
     */
    private static int endOfArabic(String text) {
        int i = skipDigits(text, 0);
        if (i > 0 && i + 1 < text.length() && text.charAt(i) == '.' && isAsciiDigit(text.charAt(i + 1))) {
            i = skipDigits(text, i + 1);
        }
        return i;
    }

    private static int skipDigits(String text, int from) {
        int i = from;
        while (i < text.length() && isAsciiDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The multipliers an Arabic coefficient may carry: {@code 1.2万}, {@code 3千},
     * {@code 12万}, {@code 5亿}.
     */
    private static boolean isMultiplier(char c) {
        return c == '百' || c == '千' || c == '万' || c == '亿';
    }

    /**
     * Spells {@code n} in the standard reading, 0 to {@link #MAX_CHINESE}: {@code 十五} at
     * the start, {@code 一百一十五} inside a larger number, one {@code 零} per gap
     * ({@code 一百零五}, {@code 一万零五百}), and {@code 二}, never {@code 两}.
     * @throws IllegalArgumentException if {@code n} is negative or above
     * {@link #MAX_CHINESE}
     */
    public static String toChinese(long n) {
        if (n < 0 || n > MAX_CHINESE) {
            throw new IllegalArgumentException("cannot spell " + n + " in Chinese; range is 0 to " + MAX_CHINESE);
        }
        if (n == 0) {
            return "零";
        }
        StringBuilder out = new StringBuilder();
        boolean zeroPending = false;
        long divisor = 100_000_000_000L;
        for (int power = 11; power >= 0; power--, divisor /= 10) {
            int digit = (int) (n / divisor % 10);
            int place = power % 4;
            if (digit == 0) {
                // A gap only needs a 零 if something was written before it and something
                // follows it.
                zeroPending = out.length() > 0;
            }
            else {
                if (zeroPending) {
                    out.append('零');
                    zeroPending = false;
                }
                // 十五 and 十二万, but 一百一十五: the 一 is dropped only when 十 opens the whole
                // number.
                if (!(digit == 1 && place == 1 && out.length() == 0)) {
                    out.append(DIGITS.charAt(digit));
                }
                out.append(PLACE_UNITS[place]);
            }
            if (place == 0 && power > 0 && n / divisor % 10_000 != 0) {
                out.append(power == 8 ? '亿' : '万');
            }
        }
        return out.toString();
    }

    private static OptionalLong parseChinese(String text) {
        if (text.length() > MAX_CHINESE_LENGTH) {
            return OptionalLong.empty();
        }
        // A bare multiplier is a round number: 千余 "a thousand odd", 万余, 百余.
        if (text.length() == 1 && "百千万亿".indexOf(text.charAt(0)) >= 0) {
            return OptionalLong.of(unitValue(text.charAt(0)));
        }
        OptionalLong value = evaluate(text);
        if (value.isEmpty() || value.getAsLong() > MAX_CHINESE) {
            return OptionalLong.empty();
        }
        String expected = toChinese(value.getAsLong());
        String spelled = canonicalSpelling(text);
        boolean matches = spelled.equals(expected) || (expected.startsWith("十") && spelled.equals("一" + expected));
        return matches ? value : OptionalLong.empty();
    }

    /**
     * Rewrites the accepted variants to what {@link #toChinese(long)} writes: 〇 as 零, and
     * 两 as 二 where 两 is right.
     */
    private static String canonicalSpelling(String text) {
        if (text.equals("两")) {
            return "二";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char previous = i > 0 ? text.charAt(i - 1) : ' ';
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            if (c == '〇') {
                out.append('零');
            }
            else if (c == '两' && previous != '十' && "百千万亿".indexOf(next) >= 0) {
                out.append('二');
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Lenient evaluation: adds up digit × unit without checking order or zeros, which the
     * round trip in {@link #parseChinese(String)} does. Empty on any character that is
     * not a numeral, on a digit after a non-zero digit and on a 万 or 亿 with nothing to
     * multiply. The length limit keeps every intermediate far below
     * {@code Long.MAX_VALUE}.
     */
    private static OptionalLong evaluate(String text) {
        long yi = 0;
        long wan = 0;
        long section = 0;
        int digit = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int d = digitValue(c);
            if (d >= 0) {
                // Only 零 may precede another digit (一百零五); the round trip rejects a
                // misplaced or doubled 零.
                if (digit > 0) {
                    return OptionalLong.empty();
                }
                digit = d;
                continue;
            }
            long unit = unitValue(c);
            if (unit == 0) {
                return OptionalLong.empty();
            }
            if (unit < 10_000L) {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            else if (unit == 10_000L) {
                wan += section + Math.max(digit, 0);
                section = 0;
                if (wan == 0) {
                    return OptionalLong.empty();
                }
            }
            else {
                yi += wan * 10_000L + section + Math.max(digit, 0);
                wan = 0;
                section = 0;
                if (yi == 0) {
                    return OptionalLong.empty();
                }
            }
            digit = -1;
        }
        return OptionalLong.of(yi * 100_000_000L + wan * 10_000L + section + Math.max(digit, 0));
    }

    private static int digitValue(char c) {
        return switch (c) {
            case '〇' -> 0;
            case '两' -> 2;
            default -> DIGITS.indexOf(c);
        };
    }

    /** Value of a unit character, or 0 if {@code c} is not one. */
    private static long unitValue(char c) {
        return switch (c) {
            case '十' -> 10L;
            case '百' -> 100L;
            case '千' -> 1_000L;
            case '万' -> 10_000L;
            case '亿' -> 100_000_000L;
            default -> 0L;
        };
    }

}
