package cn.cdsw.tallybot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;

/**
 * Measures the prose extractor on the labelled bulletin paragraphs of
 * {@code src/test/resources/prose/bulletins.yml}: precision and recall per metric and
 * overall (a figure counts when metric, value, unit, approximate mark and per-period mark
 * all match), printed once as a table, and the share of paragraphs read exactly right. A
 * wrong figure costs more than a missed one, hence the higher bar on precision.
 */
class ProseCorpusTests {

    static final double MIN_PRECISION = 0.95;

    static final double MIN_RECALL = 0.9;

    static final double MIN_EXACT = 0.9;

    /**
     * One figure, as labelled or as read; {@code what} is a metric key, item:名, materials
     * or value.
     */
    record Figure(String what, BigDecimal value, String unit, boolean approx, boolean perPeriod) {
        Figure {
            value = value.stripTrailingZeros();
            // a materials total and a value carry no approximate mark in the domain
            approx = approx && !what.equals("materials") && !what.equals("value");
        }

        @Override
        public String toString() {
            return what + " " + value.toPlainString() + unit + (approx ? " 约" : "") + (perPeriod ? " 每期" : "");
        }
    }

    record Paragraph(String text, List<Figure> figures, List<String> noted) {
    }

    /** What the bot made of a paragraph: its figures and what it noted as 未计入. */
    record Read(List<Figure> figures, List<String> noted) {
    }

    static final class Counts {

        int expected;

        int read;

        int right;

        double precision() {
            return read == 0 ? 1 : (double) right / read;
        }

        double recall() {
            return expected == 0 ? 1 : (double) right / expected;
        }

    }

    static List<Paragraph> corpus;

    static final Map<String, Counts> byMetric = new TreeMap<>();

    static final Counts overall = new Counts();

    static final List<String> wrong = new ArrayList<>();

    static int exact;

    @BeforeAll
    static void readTheCorpus() throws IOException {
        corpus = load();
        for (Paragraph p : corpus) {
            Read read = read(p.text());
            List<Figure> unmatched = new ArrayList<>(read.figures());
            for (Figure f : p.figures()) {
                Counts c = byMetric.computeIfAbsent(group(f), k -> new Counts());
                c.expected++;
                overall.expected++;
                if (unmatched.remove(f)) {
                    c.right++;
                    overall.right++;
                }
            }
            for (Figure f : read.figures()) {
                byMetric.computeIfAbsent(group(f), k -> new Counts()).read++;
                overall.read++;
            }
            boolean noticed = p.figures().isEmpty() || p.noted().stream().allMatch(n -> noticed(n, read.noted()));
            if (unmatched.isEmpty() && read.figures().size() == p.figures().size() && noticed) {
                exact++;
            }
            else {
                wrong.add(p.text().replace('\n', ' ') + "\n    expected " + p.figures() + " noted " + p.noted()
                        + "\n    read     " + read.figures() + " noted " + read.noted());
            }
        }
        System.out.println(table());
    }

    @Test
    void theCorpusIsLargeAndVaried() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
        assertThat(corpus.stream().filter(p -> p.figures().isEmpty())).hasSizeGreaterThanOrEqualTo(5);
        assertThat(corpus.stream().filter(p -> !p.noted().isEmpty())).hasSizeGreaterThanOrEqualTo(10);
        assertThat(byMetric.keySet()).contains("visits", "calls", "consultations", "counselling", "cases", "volunteers",
                "publicity", "checks", "services", "items", "materials", "value");
    }

    @Test
    void everyMetricIsReadPreciselyEnough() {
        assertThat(byMetric).allSatisfy((metric, c) -> assertThat(c.precision())
            .as("precision of %s; wrong:%n%s", metric, String.join("\n", wrong))
            .isGreaterThanOrEqualTo(MIN_PRECISION));
        assertThat(overall.precision()).as("overall precision").isGreaterThanOrEqualTo(MIN_PRECISION);
    }

    @Test
    void everyMetricIsFoundOftenEnough() {
        assertThat(byMetric).allSatisfy(
                (metric, c) -> assertThat(c.recall()).as("recall of %s; wrong:%n%s", metric, String.join("\n", wrong))
                    .isGreaterThanOrEqualTo(MIN_RECALL));
        assertThat(overall.recall()).as("overall recall").isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    void mostParagraphsAreReadExactlyRight() {
        assertThat((double) exact / corpus.size()).as("exactly right; wrong:%n%s", String.join("\n", wrong))
            .isGreaterThanOrEqualTo(MIN_EXACT);
    }

    /** What the bot does with the paragraph as the body of a #上报. */
    static Read read(String text) {
        ParseResult result = ParserFixtures.parse("#上报 " + text);
        if (!(result instanceof ParseResult.Parsed parsed)) {
            return new Read(List.of(), List.of());
        }
        if (parsed.command() instanceof Command.ProsePending pending) {
            return new Read(figures(pending.draft(), pending.notes()), pending.notes().notCounted());
        }
        if (parsed.command() instanceof Command.Report report) {
            return new Read(figures(report.draft(), ProseNotes.NONE), List.of());
        }
        throw new AssertionError(text + " read as " + parsed.command());
    }

    static List<Figure> figures(ReportDraft draft, ProseNotes notes) {
        List<Figure> figures = new ArrayList<>();
        for (Metric m : draft.metrics()) {
            figures.add(new Figure(m.key(), BigDecimal.valueOf(m.value()), m.unit(), m.approx(),
                    marked(notes, ProseNotes.Kind.METRIC, m.key(), m.unit())));
        }
        for (Item i : draft.items()) {
            figures.add(new Figure("item:" + i.name(), BigDecimal.valueOf(i.quantity()), i.unit(), i.approx(),
                    marked(notes, ProseNotes.Kind.ITEM, i.name(), i.unit())));
        }
        if (draft.explicitTotal() != null) {
            String unit = ParserFixtures.CONFIG.materials().totalUnit();
            figures.add(new Figure("materials", BigDecimal.valueOf(draft.explicitTotal()), unit, false,
                    marked(notes, ProseNotes.Kind.MATERIALS_TOTAL, "", unit)));
        }
        if (draft.valueYuan() != null) {
            figures.add(new Figure("value", draft.valueYuan().stripTrailingZeros(), "元", false, false));
        }
        return figures;
    }

    private static boolean marked(ProseNotes notes, ProseNotes.Kind kind, String name, String unit) {
        return notes.perPeriod()
            .stream()
            .anyMatch(p -> p.kind() == kind && p.name().equals(name) && p.unit().equals(unit));
    }

    /**
     * A labelled count is noticed when a note starts as it does (8个社区 for 8个社区社工室) or
     * holds it.
     */
    private static boolean noticed(String label, List<String> noted) {
        return noted.stream().anyMatch(n -> n.startsWith(label) || label.startsWith(n));
    }

    private static String group(Figure f) {
        return f.what().startsWith("item:") ? "items" : f.what();
    }

    private static String table() {
        StringBuilder out = new StringBuilder(
                String.format("%nprose corpus: %d paragraphs, %d exactly right%n", corpus.size(), exact));
        out.append(String.format("%-14s %8s %5s %6s %9s %7s%n", "metric", "expected", "read", "right", "precision",
                "recall"));
        byMetric.forEach((metric, c) -> out.append(row(metric, c)));
        out.append(row("overall", overall));
        wrong.forEach(w -> out.append("not exactly right: ").append(w).append(System.lineSeparator()));
        return out.toString();
    }

    private static String row(String metric, Counts c) {
        return String.format("%-14s %8d %5d %6d %9.3f %7.3f%n", metric, c.expected, c.read, c.right, c.precision(),
                c.recall());
    }

    @SuppressWarnings("unchecked")
    private static List<Paragraph> load() throws IOException {
        try (InputStream in = ProseCorpusTests.class.getResourceAsStream("/prose/bulletins.yml")) {
            Objects.requireNonNull(in, "prose/bulletins.yml");
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            List<Map<String, Object>> entries = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Paragraph> paragraphs = new ArrayList<>();
            for (Map<String, Object> e : entries) {
                List<Figure> figures = new ArrayList<>();
                for (Map<String, Object> f : (List<Map<String, Object>>) e.get("figures")) {
                    figures.add(figure(f));
                }
                List<String> noted = e.containsKey("noted") ? (List<String>) e.get("noted") : List.of();
                paragraphs.add(new Paragraph((String) e.get("text"), figures, noted));
            }
            return paragraphs;
        }
    }

    static Figure figure(Map<String, Object> f) {
        String metric = (String) f.get("metric");
        String what = "item".equals(metric) ? "item:" + f.get("name") : metric;
        return new Figure(what, new BigDecimal(String.valueOf(f.get("value"))).stripTrailingZeros(),
                (String) f.get("unit"), flag(f.get("approx")), flag(f.get("per-period")));
    }

    private static boolean flag(@Nullable Object value) {
        return Boolean.TRUE.equals(value);
    }

}
