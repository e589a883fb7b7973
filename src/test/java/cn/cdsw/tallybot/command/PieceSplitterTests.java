package cn.cdsw.tallybot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.config.ReportField;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The splitter cuts lines, clauses and words with loops; the version built on regular expressions that it
 * replaced is kept below as the oracle, so any text must come out in the same pieces and note.
 */
class PieceSplitterTests {

    private static final Lexicon LEXICON = new Lexicon(ParserFixtures.CONFIG);
    private static final List<String> NOTE_WORDS = ParserFixtures.CONFIG.grammar().fieldWords().entrySet().stream()
        .filter(e -> e.getValue() == ReportField.NOTE).map(e -> e.getKey()).toList();
    private static final PieceSplitter SPLITTER = new PieceSplitter(LEXICON, NOTE_WORDS);
    private static final RegexSplitter ORACLE = new RegexSplitter(LEXICON, NOTE_WORDS);

    @Test
    void cutsAFormAndKeepsTheNoteVerbatim() {
        PieceSplitter.Pieces pieces = SPLITTER.split("区县:锦江区\n走访 196 户、电话300余 个\n备注:发动10家企业,445位个人");

        assertThat(pieces.pieces()).containsExactly("区县:锦江区", "走访196户", "电话300余个");
        assertThat(pieces.note()).isEqualTo("发动10家企业,445位个人");
    }

    @Property(tries = 20_000)
    void splitsAsTheRegularExpressionsDid(@ForAll("bodies") String body) {
        assertThat(SPLITTER.split(body)).as(body).isEqualTo(ORACLE.split(body));
    }

    @Property(tries = 2000)
    void splitsArbitraryTextAsTheRegularExpressionsDid(@ForAll String body) {
        assertThat(SPLITTER.split(body)).as(body).isEqualTo(ORACLE.split(body));
    }

    @Provide
    Arbitrary<String> bodies() {
        List<String> parts = new ArrayList<>(List.of(",", "、", ";", "。", "!", "?", "(", ")", "[", "]", "【", "】", "〔",
                "〕", "·", "•", " ", "  ", "\n", "\t", "\r", "\u000B", "\u001F", "\u3000", ":", " :", ": ", "走访", "196",
                "3", "三", "十", "万", "-", "负", "2.5", "锦江区", "三圣街道社工站", "大米", "人次", "户", "元", "备注x",
                "区县", "物资", "合计"));
        parts.addAll(NOTE_WORDS);
        parts.addAll(LEXICON.approxPrefixes());
        parts.addAll(LEXICON.approxSuffixes());
        return Arbitraries.of(parts).list().ofMaxSize(16).map(l -> String.join("", l));
    }

    /** PieceSplitter as it was before the loops: a regex per note field and per clause, split calls, streams. */
    private static final class RegexSplitter {

        private static final Pattern STRONG_SEPARATORS = Pattern.compile("[,、;。!?()\\[\\]【】〔〕·•]+");
        private static final String NUMERIC_START = "0123456789零〇一二两三四五六七八九十百千万-";

        private final Lexicon lexicon;
        private final QuantityScanner scanner;
        private final Pattern noteField;

        RegexSplitter(Lexicon lexicon, List<String> noteWords) {
            this.lexicon = lexicon;
            this.scanner = new QuantityScanner(lexicon);
            String alternatives = String.join("|", noteWords.stream().map(Pattern::quote).toList());
            this.noteField = Pattern.compile("(?:^|[\\s,、;。])(?:" + alternatives + ")\\s*:");
        }

        PieceSplitter.Pieces split(String body) {
            List<String> pieces = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (String line : body.split("\n")) {
                Matcher m = noteField.matcher(line);
                String clauses = line;
                if (m.find()) {
                    notes.add(line.substring(m.end()).strip());
                    clauses = line.substring(0, m.start());
                }
                for (String segment : STRONG_SEPARATORS.split(clauses)) {
                    pieces.addAll(glue(segment.strip().split(" ")));
                }
            }
            pieces.removeIf(String::isBlank);
            String note = String.join(" ", notes.stream().filter(n -> !n.isBlank()).toList());
            return new PieceSplitter.Pieces(pieces, note.isEmpty() ? null : note);
        }

        private List<String> glue(String[] words) {
            List<String> glued = new ArrayList<>();
            for (String word : words) {
                if (word.isEmpty()) {
                    continue;
                }
                int last = glued.size() - 1;
                if (last >= 0 && belongsToPrevious(glued.get(last), word)) {
                    glued.set(last, glued.get(last) + word);
                } else {
                    glued.add(word);
                }
            }
            return glued;
        }

        private boolean belongsToPrevious(String previous, String word) {
            if (previous.endsWith(":") || word.startsWith(":")) {
                return true;
            }
            if (NUMERIC_START.indexOf(word.charAt(0)) >= 0) {
                List<Token> tokens = scanner.scan(word);
                if (!tokens.isEmpty() && tokens.get(0) instanceof Token.Quantity) {
                    return true;
                }
            }
            boolean afterNumber = Character.isDigit(previous.charAt(previous.length() - 1))
                    || lexicon.approxSuffixes().stream().anyMatch(previous::endsWith)
                    || previous.endsWith("万");
            boolean unitOrMarker = lexicon.isUnit(word) || lexicon.approxSuffixes().contains(word)
                    || lexicon.isUnit(stripSuffix(word)) || lexicon.isUnit(stripPrefixMarker(word));
            return afterNumber && unitOrMarker
                    || lexicon.approxSuffixes().contains(word) && lexicon.units().stream().anyMatch(previous::endsWith);
        }

        private String stripPrefixMarker(String word) {
            for (String marker : lexicon.approxSuffixes()) {
                if (word.startsWith(marker) && word.length() > marker.length()) {
                    return word.substring(marker.length());
                }
            }
            return word;
        }

        private String stripSuffix(String word) {
            for (String suffix : lexicon.approxSuffixes()) {
                if (word.endsWith(suffix) && word.length() > suffix.length()) {
                    return word.substring(0, word.length() - suffix.length());
                }
            }
            return word;
        }
    }
}
