package cn.cdsw.tallybot.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChineseNumbersTests {

    @ParameterizedTest
    @CsvSource({ "两千七百一十五, 2715", "一千三百一十, 1310", "十五, 15", "二十三, 23", "一百二十, 120", "四, 4", "1.2万, 12000",
            "2.5万, 25000", "12.8万, 128000", "4283, 4283", "29739.5, 29739.5", "１９６, 196", "'4,283', 4283" })
    void readsTheDesignExamples(String text, BigDecimal expected) {
        assertThat(ChineseNumbers.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({ "三, 3", "十, 10", "零, 0", "〇, 0", "两, 2", "一百零五, 105", "一千零五, 1005", "一千零五十, 1050", "三万两千, 32000",
            "两千两百, 2200", "十二万, 120000", "一十五, 15", "一万零五百, 10500", "十万零五, 100005", "一百一十万, 1100000",
            "一亿零一万, 100010000", "两亿, 200000000", "百, 100", "千, 1000", "万, 10000", "196, 196", "0.5, 0.5", "007, 7",
            "3千, 3000", "12万, 120000", "5百, 500", "1.5亿, 150000000" })
    void readsStandardChineseAndArabicWithMultiplier(String text, BigDecimal expected) {
        assertThat(ChineseNumbers.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "三圣", "十十", "一百百", "万万", "千千", "一万万", "万一", "1.2.3", ".5", "5.", "-5", "+5",
            "1e3", "零五", "一百零", "一百零零五", "一百零五十", "一百十五", "一千十五", "二十两", "两十", "十两万", "三四", "一二〇", "一千五", "1万2千",
            "1.2万3", "3十", "万1", "五百人", "１ ２" })
    void refusesWhatIsNotOneWellFormedNumeral(String text) {
        assertThat(ChineseNumbers.parse(text)).isEmpty();
    }

    @Test
    void returnsOneRepresentationPerValueSoEqualsWorks() {
        assertThat(ChineseNumbers.parse("1.2万")).contains(new BigDecimal("12000"));
        assertThat(ChineseNumbers.parse("29739.50")).contains(new BigDecimal("29739.5"));
        assertThat(ChineseNumbers.parse("100")).contains(new BigDecimal("100"));
    }

    @ParameterizedTest
    @CsvSource({ "0, 零", "5, 五", "10, 十", "15, 十五", "20, 二十", "105, 一百零五", "115, 一百一十五", "1005, 一千零五", "1010, 一千零一十",
            "2715, 二千七百一十五", "10500, 一万零五百", "100005, 十万零五", "120000, 十二万", "1100000, 一百一十万", "10000001, 一千万零一",
            "99999999, 九千九百九十九万九千九百九十九", "100010000, 一亿零一万" })
    void spellsTheStandardReading(long n, String expected) {
        assertThat(ChineseNumbers.toChinese(n)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(longs = { -1, ChineseNumbers.MAX_CHINESE + 1, Long.MAX_VALUE, Long.MIN_VALUE })
    void refusesToSpellOutOfRange(long n) {
        assertThatIllegalArgumentException().isThrownBy(() -> ChineseNumbers.toChinese(n));
    }

    @Property(tries = 100_000, generation = GenerationMode.EXHAUSTIVE)
    void readsBackEverySpellingBelowOneHundredThousand(@ForAll @IntRange(min = 0, max = 99_999) int n) {
        assertThat(ChineseNumbers.parse(ChineseNumbers.toChinese(n))).contains(BigDecimal.valueOf(n));
    }

    @Property(tries = 100_000, generation = GenerationMode.EXHAUSTIVE)
    void readsBackSpellingsWithLiangBeforeAMultiplier(@ForAll @IntRange(min = 0, max = 99_999) int n) {
        String spoken = ChineseNumbers.toChinese(n).replaceAll("(?<!十)二(?=[百千万])", "两");

        assertThat(ChineseNumbers.parse(spoken)).contains(BigDecimal.valueOf(n));
    }

    @Property
    void readsBackSpellingsUpToTheLargest(@ForAll @LongRange(min = 0, max = ChineseNumbers.MAX_CHINESE) long n) {
        assertThat(ChineseNumbers.parse(ChineseNumbers.toChinese(n))).contains(BigDecimal.valueOf(n));
    }

    @Property
    void readsBackArabicIntegers(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long n) {
        assertThat(ChineseNumbers.parse(String.valueOf(n))).contains(BigDecimal.valueOf(n));
    }

    @Property
    void readsBackArabicDecimals(@ForAll @BigRange(min = "0", max = "1000000") @Scale(3) BigDecimal x) {
        assertThat(ChineseNumbers.parse(x.toPlainString()))
            .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(x));
    }

    /**
     * Whatever the text, the answer is nothing or one non-negative value in its one form,
     * read from numerals only.
     */
    @Property
    void readsArbitraryTextAsNothingOrANumeralsValue(@ForAll String text) {
        ChineseNumbers.parse(text).ifPresent(value -> {
            assertThat(value.signum()).isNotNegative();
            assertInItsOneForm(value);
            assertThat(TextNormalizer.normalize(text)).matches("[0-9.零〇一二两三四五六七八九十百千万亿]+");
        });
    }

    /**
     * Arbitrary strings seldom hit the numeral grammar; these are drawn from numeral
     * characters only.
     */
    @Property(tries = 5000)
    void readsNumeralSoupOnlyAsCanonicalWholeNumbers(@ForAll @StringLength(min = 1,
            max = 12) @Chars({ '零', '〇', '一', '二', '两', '三', '九', '十', '百', '千', '万', '亿' }) String text) {
        ChineseNumbers.parse(text).ifPresent(value -> {
            assertThat(value.signum()).isNotNegative();
            assertThat(value.scale()).isZero();
            String respelled = ChineseNumbers.toChinese(value.longValueExact());
            assertThat(text.replace('〇', '零').replace('两', '二')).isIn(respelled, "一" + respelled, "二", "百", "千", "万",
                    "亿");
        });
    }

    /**
     * An Arabic number with one multiplier after it reads as the product, in the one form
     * {@code equals} needs.
     */
    @Property
    void readsAnArabicNumberWithAMultiplierAsTheProduct(
            @ForAll @BigRange(min = "0", max = "1000000") @Scale(3) BigDecimal x,
            @ForAll("multipliers") char multiplier) {
        BigDecimal product = x.multiply(BigDecimal.valueOf(MULTIPLIERS.get(multiplier)));

        assertThat(ChineseNumbers.parse(x.toPlainString() + multiplier)).hasValueSatisfying(value -> {
            assertThat(value).isEqualByComparingTo(product);
            assertInItsOneForm(value);
        });
    }

    /**
     * Text with an ASCII character in it is read exactly when it is an Arabic number
     * (docs/commands.md §4): digits, perhaps a point and more digits, perhaps one
     * multiplier; {@code .5}, {@code 5.}, {@code 1.2.3}, {@code 1万2}, {@code 万1} and
     * anything with a letter are refused. The loop that reads them is checked against
     * that shape.
     */
    @Property(tries = 20_000)
    void readsTextWithADigitOnlyInTheShapeOfAnArabicNumber(@ForAll @StringLength(min = 1,
            max = 8) @Chars({ '0', '1', '9', '.', '百', '千', '万', '亿', 'a' }) String text) {
        // Without a digit, a point or a letter the text is a Chinese numeral, which the
        // properties above cover.
        Assume.that(text.chars().anyMatch(c -> c < 128));

        assertThat(ChineseNumbers.parse(text)).as(text)
            .matches(value -> value.isPresent() == ARABIC_NUMBER.matcher(text).matches());
    }

    /**
     * No exponent and no trailing zero after the point: 12000 and 29739.5, never 1.2E+4
     * or 29739.50.
     */
    private static void assertInItsOneForm(BigDecimal value) {
        assertThat(value.scale()).as("the scale of %s", value).isNotNegative();
        if (value.scale() > 0) {
            assertThat(value.unscaledValue().mod(BigInteger.TEN)).as("the last digit of %s", value)
                .isNotEqualTo(BigInteger.ZERO);
        }
    }

    private static final Pattern ARABIC_NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?[百千万亿]?");

    private static final Map<Character, Long> MULTIPLIERS = Map.of('百', 100L, '千', 1_000L, '万', 10_000L, '亿',
            100_000_000L);

    @Provide
    Arbitrary<Character> multipliers() {
        return Arbitraries.of(MULTIPLIERS.keySet());
    }

}
