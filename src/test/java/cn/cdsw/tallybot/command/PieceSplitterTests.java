package cn.cdsw.tallybot.command;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.config.ReportField;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The splitter's rules stated directly: a clause separator or a line end always cuts, and
 * nothing else is lost (joining the pieces gives the body without its separators); a
 * space cuts between words but not inside a quantity; a note field takes the rest of its
 * line verbatim.
 */
class PieceSplitterTests {

    private static final Lexicon LEXICON = new Lexicon(ParserFixtures.CONFIG);

    private static final List<String> NOTE_WORDS = ParserFixtures.CONFIG.grammar()
        .fieldWords()
        .entrySet()
        .stream()
        .filter(e -> e.getValue() == ReportField.NOTE)
        .map(e -> e.getKey())
        .toList();

    private static final PieceSplitter SPLITTER = new PieceSplitter(LEXICON, NOTE_WORDS);

    /**
     * The clause separators of docs/commands.md §13, and the brackets and marks users end
     * clauses with.
     */
    private static final String SEPARATORS = ",、;。!?()[]【】〔〕·•";

    @Test
    void cutsAFormAndKeepsTheNoteVerbatim() {
        PieceSplitter.Pieces pieces = SPLITTER.split("区县:锦江区\n走访 196 户、电话300余 个\n备注:发动10家企业,445位个人");

        assertThat(pieces.pieces()).containsExactly("区县:锦江区", "走访196户", "电话300余个");
        assertThat(pieces.note()).isEqualTo("发动10家企业,445位个人");
    }

    @Property(tries = 5000)
    void joiningThePiecesGivesTheBodyWithoutItsSeparators(@ForAll("bodies") String body) {
        PieceSplitter.Pieces split = SPLITTER.split(body);

        assertThat(String.join("", split.pieces())).isEqualTo(withoutSeparators(body));
        assertThat(split.pieces()).allSatisfy(piece -> {
            assertThat(piece).isNotBlank().doesNotContain(" ", "\n");
            assertThat(piece.chars()).noneMatch(c -> SEPARATORS.indexOf(c) >= 0);
        });
        assertThat(split.note()).isNull();
    }

    @Property(tries = 5000)
    void aSeparatorOrALineEndAlwaysCuts(@ForAll("bodies") String before, @ForAll("bodies") String after,
            @ForAll("cuts") String cut) {
        List<String> apart = new ArrayList<>(SPLITTER.split(before).pieces());
        apart.addAll(SPLITTER.split(after).pieces());

        assertThat(SPLITTER.split(before + cut + after).pieces()).isEqualTo(apart);
    }

    @Property(tries = 5000)
    void aNoteFieldTakesTheRestOfItsLineVerbatim(@ForAll("bodies") String clauses, @ForAll("noteOpeners") String opener,
            @ForAll("noteWords") String word, @ForAll("noteSpaces") String space, @ForAll("noteTexts") String note,
            @ForAll("bodies") String nextLine) {
        String body = clauses + opener + word + space + ":" + note + "\n" + nextLine;

        PieceSplitter.Pieces split = SPLITTER.split(body);

        List<String> expected = new ArrayList<>(SPLITTER.split(clauses).pieces());
        expected.addAll(SPLITTER.split(nextLine).pieces());
        assertThat(split.pieces()).isEqualTo(expected);
        assertThat(split.note()).isEqualTo(note.isBlank() ? null : note.strip());
    }

    @Property(tries = 2000)
    void aQuantityWrittenWithSpacesIsOnePiece(@ForAll("metricWords") String word, @ForAll("numbers") String number,
            @ForAll("units") String unit, @ForAll("approxSuffixes") String approx) {
        assertThat(SPLITTER.split(word + " " + number + " " + unit).pieces()).containsExactly(word + number + unit);
        assertThat(SPLITTER.split(word + " " + number + approx + " " + unit).pieces())
            .containsExactly(word + number + approx + unit);
        assertThat(SPLITTER.split(word + " " + number + " " + approx + unit).pieces())
            .containsExactly(word + number + approx + unit);
        assertThat(SPLITTER.split(word + " " + number + " " + approx + " " + unit).pieces())
            .containsExactly(word + number + approx + unit);
        assertThat(SPLITTER.split(word + number + unit + " " + approx).pieces())
            .containsExactly(word + number + unit + approx);
    }

    @Property(tries = 500)
    void namesWrittenWithASpaceStayApart(@ForAll("districts") String district, @ForAll("unitNames") String unit) {
        assertThat(SPLITTER.split(district + " " + unit).pieces()).containsExactly(district, unit);
    }

    @Property(tries = 2000)
    void neverThrowsAndLeavesNoBlankPieceOnArbitraryText(@ForAll String body) {
        PieceSplitter.Pieces split = SPLITTER.split(body);

        assertThat(split.pieces()).allSatisfy(piece -> assertThat(piece).isNotBlank().doesNotContain(" ", "\n"));
        assertThat(split.note()).satisfiesAnyOf(note -> assertThat(note).isNull(),
                note -> assertThat(note).isNotBlank().doesNotContain("\n"));
    }

    /**
     * The body as the splitter should read it once cut: without separators, spaces and
     * line ends.
     */
    private static String withoutSeparators(String body) {
        StringBuilder out = new StringBuilder();
        body.chars().filter(c -> c != ' ' && c != '\n' && SEPARATORS.indexOf(c) < 0).forEach(c -> out.append((char) c));
        return out.toString();
    }

    /**
     * Normalised bodies without a note field, made of the grammar's words, numbers,
     * units, markers and separators. Normalised because the parser normalises before it
     * splits (so tabs, carriage returns and invisible characters are gone by then).
     */
    @Provide
    Arbitrary<String> bodies() {
        List<String> parts = new ArrayList<>(
                List.of(",", "、", ";", "。", "!", "?", "(", ")", "[", "]", "【", "】", "〔", "〕", "·", "•", " ", "  ", "\n",
                        "\t", "\r", "\u000B", "\u001F", "\u200D", "\u3000", ":", " :", ": ", "走访", "196", "3", "三", "十",
                        "万", "-", "负", "2.5", "锦江区", "三圣街道社工站", "大米", "人次", "户", "元", "备注x", "区县", "物资", "合计"));
        parts.addAll(LEXICON.approxPrefixes());
        parts.addAll(LEXICON.approxSuffixes());
        return Arbitraries.of(parts).list().ofMaxSize(16).map(l -> TextNormalizer.normalize(String.join("", l)));
    }

    @Provide
    Arbitrary<String> cuts() {
        List<String> cuts = new ArrayList<>(List.of("\n", " \n"));
        for (char c : SEPARATORS.toCharArray()) {
            cuts.addAll(List.of(String.valueOf(c), c + " ", " " + c));
        }
        return Arbitraries.of(cuts);
    }

    @Provide
    Arbitrary<String> noteOpeners() {
        return Arbitraries.of("\n", ",", "、", ";", "。", " ");
    }

    @Provide
    Arbitrary<String> noteWords() {
        return Arbitraries.of(NOTE_WORDS);
    }

    @Provide
    Arbitrary<String> noteSpaces() {
        return Arbitraries.of("", " ", "  ");
    }

    /**
     * A note's text: anything but a line end, separators, colons and other note fields
     * included.
     */
    @Provide
    Arbitrary<String> noteTexts() {
        List<String> parts = new ArrayList<>(
                List.of(",", "、", ";", "。", "(", ")", " ", ":", "发动", "10家企业", "445位个人", "走访196户"));
        parts.addAll(NOTE_WORDS);
        return Arbitraries.of(parts).list().ofMaxSize(10).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> metricWords() {
        return Arbitraries.of(ParserFixtures.CONFIG.metrics().words());
    }

    /**
     * Arabic numbers, the form docs/commands.md §13 glues across spaces
     * ({@code 走访 196 户}).
     */
    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.longs()
            .between(0, 99_999)
            .flatMap(n -> Arbitraries.of(String.valueOf(n), n / 10 + "." + n % 10));
    }

    @Provide
    Arbitrary<String> units() {
        return Arbitraries.of(LEXICON.units());
    }

    @Provide
    Arbitrary<String> approxSuffixes() {
        return Arbitraries.of(LEXICON.approxSuffixes());
    }

    @Provide
    Arbitrary<String> districts() {
        return Arbitraries.of(ParserFixtures.CONFIG.districts().all()).map(d -> d.name());
    }

    @Provide
    Arbitrary<String> unitNames() {
        return Arbitraries.of("三圣街道社工站", "琴台路社区社工室", "新津区社工总站", "成都市明诚社会工作服务中心", "荷花池街道社工站");
    }

}
