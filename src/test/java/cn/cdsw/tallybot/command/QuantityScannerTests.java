package cn.cdsw.tallybot.command;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner skips characters that cannot start a quantity and cuts words by index;
 * these properties check both shortcuts against the plain reading that tries
 * {@link QuantityScanner#quantityAt} at every code point.
 */
class QuantityScannerTests {

    private static final Lexicon LEXICON = new Lexicon(ParserFixtures.CONFIG);

    @Property(tries = 5000)
    void scansAsTryingEveryCodePoint(@ForAll("numberSoup") String piece) {
        for (boolean prose : new boolean[] { false, true }) {
            QuantityScanner scanner = new QuantityScanner(LEXICON, prose);

            assertThat(scanner.scan(piece)).as(piece).isEqualTo(scanTryingEveryCodePoint(scanner, piece));
        }
    }

    @Property(tries = 5000)
    void findsNoQuantityWhereNoneMayStart(@ForAll("numberSoup") String piece) {
        QuantityScanner scanner = new QuantityScanner(LEXICON, true);
        for (int i = 0; i < piece.length(); i++) {
            if (!scanner.mayStartQuantity(piece.charAt(i))) {
                assertThat(scanner.quantityAt(piece, i)).as(piece + " at " + i).isNull();
            }
        }
    }

    @Property(tries = 2000)
    void startsWithQuantityAsTheFirstTokenSays(@ForAll("numberSoup") String piece) {
        QuantityScanner scanner = new QuantityScanner(LEXICON);
        List<Token> tokens = scanner.scan(piece);

        assertThat(scanner.startsWithQuantity(piece))
            .isEqualTo(!tokens.isEmpty() && tokens.get(0) instanceof Token.Quantity);
    }

    @Provide
    Arbitrary<String> numberSoup() {
        List<String> parts = new ArrayList<>(
                List.of("走访", "社工站", "三圣", "一次性", "N95口罩", "a", "大米", "锦江区", "-", "负", ".", "1", "0", "29", "3.5", "一",
                        "二", "两", "三", "十", "百", "千", "万", "亿", "零", "〇", "\uD83D\uDE00", "\uD83D", "\uDE00", " "));
        parts.addAll(LEXICON.units());
        parts.addAll(LEXICON.approxPrefixes());
        parts.addAll(LEXICON.approxSuffixes());
        return Arbitraries.of(parts).list().ofMaxSize(10).map(l -> String.join("", l));
    }

    /**
     * The scan as it was written before: every code point is offered to quantityAt, words
     * are built up by hand.
     */
    private static List<Token> scanTryingEveryCodePoint(QuantityScanner scanner, String piece) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < piece.length()) {
            Token.Quantity quantity = scanner.quantityAt(piece, i);
            if (quantity != null) {
                if (!word.isEmpty()) {
                    tokens.add(new Token.Word(word.toString()));
                    word.setLength(0);
                }
                tokens.add(quantity);
                i += quantity.raw().length();
            }
            else {
                word.appendCodePoint(piece.codePointAt(i));
                i += Character.charCount(piece.codePointAt(i));
            }
        }
        if (!word.isEmpty()) {
            tokens.add(new Token.Word(word.toString()));
        }
        return tokens;
    }

}
