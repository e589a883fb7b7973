package cn.cdsw.tallybot.command;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Characters that show nothing never reach a stored name or split a figure: a station
 * written with a zero-width joiner, a right-to-left override or a NUL is the same
 * station, and the confirmation shows it the same way.
 */
class InvisibleCharactersTests {

    @ParameterizedTest
    @ValueSource(strings = { "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u202E", "\u202D", "\u2066", "\u2069",
            "\u0000", "\u0007", "\u007F", "\u0085", "\u00AD", "\uD800", "\uDC00", "\uFFFD" })
    void isDroppedFromNamesAndFigures(String invisible) {
        ReportDraft draft = CommandParserTests
            .report("#上报 锦江区 三圣" + invisible + "街道社工站" + invisible + " 走访1" + invisible + "96户");

        assertThat(draft.unit()).isEqualTo("三圣街道社工站");
        assertThat(draft.metrics().get(0).value()).isEqualTo(196);
    }

    @Property
    void noFormatControlOrLoneSurrogateSurvivesNormalising(
            @ForAll @StringLength(max = 40) @Chars({ '\u200B', '\u200D', '\u202E', '\u0000', '\uD800', '\uDC00', '社',
                    '工', '1', ' ', '\n' }) @CharRange(from = '\u2060', to = '\u206F') String raw) {
        String normalized = TextNormalizer.normalize(raw);

        assertThat(normalized.codePoints())
            .noneMatch(cp -> Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE
                    || (Character.getType(cp) == Character.CONTROL && cp != '\n'));
        assertThat(TextNormalizer.normalize(normalized)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = { "𠀋", "𤭢", "😀" })
    void keepsCharactersOutsideTheBasicPlaneWhole(String supplementary) {
        assertThat(TextNormalizer.normalize("三圣" + supplementary + "社工站")).isEqualTo("三圣" + supplementary + "社工站");
    }

}
