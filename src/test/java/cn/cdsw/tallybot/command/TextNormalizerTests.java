package cn.cdsw.tallybot.command;

import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
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

    /**
     * Arbitrary strings rarely contain digit groups, so this one is drawn from the
     * characters that matter.
     */
    @Property(tries = 2000)
    void isIdempotentOnDigitsSeparatorsAndSpaces(@ForAll @StringLength(
            max = 40) @NumericChars @Chars({ ',', '，', '１', ' ', '\u3000', '\t', '\r', '\n', 'a' }) String raw) {
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

    /**
     * Full-width ASCII (and the ideographic space) is read as the half-width text it
     * stands for.
     */
    @Property(tries = 3000)
    void readsFullWidthAsItsHalfWidthText(
            @ForAll @StringLength(max = 30) @CharRange(from = ' ', to = '~') String ascii) {
        assertThat(TextNormalizer.normalize(toFullWidth(ascii))).isEqualTo(TextNormalizer.normalize(ascii));
    }

    /**
     * Any run of spaces, tabs or Unicode space separators counts as one space, or none at
     * a line's ends.
     */
    @Property(tries = 3000)
    void anyRunOfSpacesReadsAsOneSpace(@ForAll("text") String text, @ForAll("spaceRuns") String run) {
        assertThat(TextNormalizer.normalize(text.replace(" ", run))).isEqualTo(TextNormalizer.normalize(text));
    }

    /**
     * Windows and old Mac line endings and blank lines in between read as one line end.
     */
    @Property(tries = 3000)
    void anyLineEndingOrBlankLinesReadAsOneLineEnd(@ForAll("text") String text, @ForAll("lineEnds") String end) {
        assertThat(TextNormalizer.normalize(text.replace("\n", end))).isEqualTo(TextNormalizer.normalize(text));
    }

    /**
     * Characters that show nothing (zero widths and joiners, direction overrides,
     * controls, lone surrogates, U+FFFD) are dropped wherever they stand, so they can
     * neither split a number nor a name.
     */
    @Property(tries = 3000)
    void invisibleCharactersAnywhereChangeNothing(@ForAll("text") String text, @ForAll @IntRange(max = 40) int at,
            @ForAll("invisible") char invisible) {
        int i = Math.min(at, text.length());
        String withInvisible = text.substring(0, i) + invisible + text.substring(i);

        assertThat(TextNormalizer.normalize(withInvisible)).isEqualTo(TextNormalizer.normalize(text));
    }

    /**
     * Digits grouped by thousands, as a spreadsheet writes them, read as the plain
     * number.
     */
    @Property
    void dropsTheThousandsSeparatorsOfAnyNumber(@ForAll @LongRange(min = 0) long n, @ForAll boolean fullWidth) {
        String grouped = String.format(Locale.ROOT, "%,d", n);

        assertThat(TextNormalizer.normalize("物资合计:" + (fullWidth ? toFullWidth(grouped) : grouped) + "件"))
            .isEqualTo("物资合计:" + n + "件");
    }

    /**
     * Text that is already single-spaced, trimmed, half-width and without digit groups
     * comes out unchanged.
     */
    @Property(tries = 3000)
    void leavesNormalTextAsItIs(@ForAll("normalLines") List<String> lines) {
        String text = String.join("\n", lines);

        assertThat(TextNormalizer.normalize(text)).isEqualTo(text);
    }

    /**
     * Text drawn from the characters the normaliser treats specially, so that they meet
     * in every order.
     */
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars("0123456789,，１４ \n\t\u3000#＃:：a走访户").ofMaxLength(30);
    }

    @Provide
    Arbitrary<Character> invisible() {
        return Arbitraries.of('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202E', '\u2066', '\u0000', '\u0007',
                '\u001F', '\u007F', '\u0085', '\u00AD', '\uD800', '\uDC00', '\uFFFD');
    }

    @Provide
    Arbitrary<String> spaceRuns() {
        return Arbitraries.of(" ", "  ", "\t", "\u000B", "\f", "\u3000", "\u00A0", "\u2009", " \t\u3000 ");
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\r\n", "\r", "\n\n", "\r\n\r\n", "\n \n", "\n\u3000\t\n", "\r\r");
    }

    /**
     * Non-blank lines of words joined by one space, none with a comma between digits or a
     * character to fold.
     */
    @Provide
    Arbitrary<List<String>> normalLines() {
        Arbitrary<String> word = Arbitraries.strings()
            .withChars("0123456789.-~/#:()走访户人次锦江区备注、。;!?abcXYZ")
            .ofMinLength(1)
            .ofMaxLength(8);
        return word.list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(words -> String.join(" ", words))
            .list()
            .ofMinSize(1)
            .ofMaxSize(3);
    }

    /**
     * ASCII as a phone's full-width keyboard types it: U+FF01 to U+FF5E, and U+3000 for
     * the space.
     */
    private static String toFullWidth(String ascii) {
        StringBuilder out = new StringBuilder(ascii.length());
        for (char c : ascii.toCharArray()) {
            out.append(c == ' ' ? '\u3000' : (char) (c - '!' + '\uFF01'));
        }
        return out.toString();
    }

}
