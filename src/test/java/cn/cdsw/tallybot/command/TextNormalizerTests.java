package cn.cdsw.tallybot.command;

import java.util.regex.Pattern;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ＃上报　锦江区　三圣街道社工站　走访１９６户        | #上报 锦江区 三圣街道社工站 走访196户
            ﹟上报 锦江区                                     | #上报 锦江区
            区县：锦江区                                       | 区县:锦江区
            备注（发动１０家爱心企业）；其他                   | 备注(发动10家爱心企业);其他
            Ｒｅｐｏｒｔ！                                     | Report!
            价值：２９７３９．５元                             | 价值:29739.5元
            走访\u00A0196户                                    | 走访 196户
            走访 \u3000 196户                                  | 走访 196户
            大米224袋、手套500双。                             | 大米224袋、手套500双。
            11-28~11/30 0.5 a.b                                | 11-28~11/30 0.5 a.b
            """)
    void foldsFullWidthAndSpacesToHalfWidth(String raw, String expected) {
        assertThat(TextNormalizer.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            物资合计:4,283件       | 物资合计:4283件
            物资合计：４，２８３件 | 物资合计:4283件
            1,234,567             | 1234567
            价值29,739.5元         | 价值29739.5元
            走访3,电话300          | 走访3,电话300
            12,34                 | 12,34
            1,2345                | 1,2345
            1,234,56              | 1234,56
            '1, 234'              | '1, 234'
            a,234                 | a,234
            """)
    void removesOnlyThousandsSeparators(String raw, String expected) {
        assertThat(TextNormalizer.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void unifiesLineEndingsTrimsLinesAndDropsBlankOnes() {
        String raw = "  #上报\r\n区县：锦江区\r\n\r\n  单位：\t三圣街道社工站  \r备注：x\n \n\u3000\n";

        assertThat(TextNormalizer.normalize(raw)).isEqualTo("#上报\n区县:锦江区\n单位: 三圣街道社工站\n备注:x");
    }

    @Test
    void dropsZeroWidthCharactersThatWouldSplitANumber() {
        assertThat(TextNormalizer.normalize("\uFEFF走访19\u200B6户")).isEqualTo("走访196户");
    }

    @Test
    void turnsBlankTextIntoEmptyText() {
        assertThat(TextNormalizer.normalize(" \t\u3000\r\n\n")).isEmpty();
    }

    @Property
    void isIdempotent(@ForAll String raw) {
        String once = TextNormalizer.normalize(raw);

        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    /** Arbitrary strings rarely contain digit groups, so this one is drawn from the characters that matter. */
    @Property(tries = 2000)
    void isIdempotentOnDigitsSeparatorsAndSpaces(@ForAll @StringLength(max = 40) @NumericChars
            @Chars({ ',', '，', '１', ' ', '\u3000', '\t', '\r', '\n', 'a' }) String raw) {
        String once = TextNormalizer.normalize(raw);

        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property
    void leavesNoFullWidthAsciiCarriageReturnTabOrSpaceRun(@ForAll String raw) {
        String normalized = TextNormalizer.normalize(raw);

        assertThat(normalized.chars()).noneMatch(c -> c >= 0xFF01 && c <= 0xFF5E);
        assertThat(normalized).doesNotContain("\r", "\t", "\u3000", "\u00A0", "  ", "\n\n", " \n", "\n ");
        assertThat(normalized).doesNotStartWith(" ").doesNotEndWith(" ").doesNotEndWith("\n");
    }

    /** The one-pass normaliser must agree with the earlier fold, split-per-line and replaceAll version, kept below. */
    @Property(tries = 3000)
    void agreesWithThePassByPassAlgorithm(@ForAll String raw) {
        assertThat(TextNormalizer.normalize(raw)).isEqualTo(PassByPass.normalize(raw));
    }

    /** The same, drawn from the characters each pass treats specially, so that they meet in every order. */
    @Property(tries = 20_000)
    void agreesWithThePassByPassAlgorithmOnTheCharactersThatMatter(@ForAll @StringLength(max = 30) @NumericChars
            @Chars({ ',', '，', '１', '４', ' ', '\u3000', '\u00A0', '\u2009', '\t', '\u000B', '\f', '\r', '\n',
                    '\u200B', '\uFEFF', '\uFE5F', '＃', '：', '\uFFFF', '\u2028', '\u0085', 'a', '走' }) String raw) {
        assertThat(TextNormalizer.normalize(raw)).isEqualTo(PassByPass.normalize(raw));
    }

    /** The normaliser as it was before it became one pass: the oracle of the two properties above. */
    private static final class PassByPass {

        private static final Pattern THOUSANDS_SEPARATOR = Pattern.compile("(?<=[0-9]),(?=[0-9]{3}(?![0-9]))");

        static String normalize(String raw) {
            return THOUSANDS_SEPARATOR.matcher(tidyLines(foldCharacters(raw))).replaceAll("");
        }

        private static String foldCharacters(String raw) {
            StringBuilder out = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\r') {
                    out.append('\n');
                    if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                else if (c >= '\uFF01' && c <= '\uFF5E') {
                    out.append((char) (c - ('\uFF01' - '!')));
                }
                else if (c == '\uFE5F') {
                    out.append('#');
                }
                else if (c == '\t' || c == '\u000B' || c == '\f' || Character.getType(c) == Character.SPACE_SEPARATOR) {
                    out.append(' ');
                }
                else if (Character.isHighSurrogate(c) && i + 1 < raw.length()
                        && Character.isLowSurrogate(raw.charAt(i + 1))) {
                    out.append(c).append(raw.charAt(++i));
                }
                else if (c != '\n' && (c == '\uFFFD' || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.SURROGATE)) {
                    // invisible characters are dropped, as the normaliser does since it strips more than zero widths
                    continue;
                }
                else {
                    out.append(c);
                }
            }
            return out.toString();
        }

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
}
