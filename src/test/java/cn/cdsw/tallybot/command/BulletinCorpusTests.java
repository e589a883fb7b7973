package cn.cdsw.tallybot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every bulletin of {@code src/test/resources/prose/multi-station.yml} is cut into
 * exactly the stations labelled, in order, each filed under its own district, unit,
 * category and day with exactly its own figures, and nothing read from the paragraphs
 * under no unit.
 */
class BulletinCorpusTests {

    /** A station as labelled or as read; its figures in no particular order. */
    record Station(@Nullable String district, @Nullable String unit, @Nullable String category,
            @Nullable LocalDate date, BulletinStation.Problem problem, List<ProseCorpusTests.Figure> figures) {

        Station {
            figures = figures.stream().sorted(Comparator.comparing(ProseCorpusTests.Figure::toString)).toList();
        }

    }

    record Labelled(String name, String text, @Nullable LocalDate date, int unplaced, List<Station> stations) {

        @Override
        public String toString() {
            return name;
        }

    }

    static List<Labelled> corpus() throws IOException {
        return load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void cutsTheBulletinIntoItsStationsWithTheirOwnFigures(Labelled bulletin) {
        ParseResult result = ParserFixtures.PARSER.parse("#上报\n" + bulletin.text(), ParserFixtures.coordinator());

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        Command command = ((ParseResult.Parsed) result).command();
        assertThat(command).isInstanceOf(Command.Bulletin.class);
        Command.Bulletin read = (Command.Bulletin) command;
        List<Station> stations = new ArrayList<>();
        for (BulletinStation s : read.stations()) {
            ReportDraft d = s.draft();
            stations.add(new Station(d.district(), d.unit(), d.category(), d.activityDate(), s.problem(),
                    ProseCorpusTests.figures(d, s.notes())));
        }
        assertThat(stations).containsExactlyElementsOf(bulletin.stations());
        assertThat(read.unplaced()).as("paragraphs with figures under no unit").isEqualTo(bulletin.unplaced());
        assertThat(read.stations()).extracting(BulletinStation::number)
            .containsExactlyElementsOf(IntStream.rangeClosed(1, read.stations().size()).boxed().toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Labelled> load() throws IOException {
        try (InputStream in = BulletinCorpusTests.class.getResourceAsStream("/prose/multi-station.yml")) {
            Objects.requireNonNull(in, "prose/multi-station.yml");
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            List<Map<String, Object>> entries = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Labelled> bulletins = new ArrayList<>();
            for (Map<String, Object> e : entries) {
                LocalDate date = e.containsKey("date") ? LocalDate.parse(String.valueOf(e.get("date")))
                        : ParserFixtures.TODAY;
                List<Station> stations = new ArrayList<>();
                for (Map<String, Object> s : (List<Map<String, Object>>) e.get("stations")) {
                    List<ProseCorpusTests.Figure> figures = new ArrayList<>();
                    for (Map<String, Object> f : (List<Map<String, Object>>) s.get("figures")) {
                        figures.add(ProseCorpusTests.figure(f));
                    }
                    LocalDate own = s.containsKey("date") ? LocalDate.parse(String.valueOf(s.get("date"))) : date;
                    BulletinStation.Problem problem = s.containsKey("problem")
                            ? BulletinStation.Problem.valueOf((String) s.get("problem")) : BulletinStation.Problem.NONE;
                    stations.add(new Station((String) s.get("district"), (String) s.get("unit"),
                            (String) s.get("category"), own, problem, figures));
                }
                int unplaced = e.containsKey("unplaced") ? (Integer) e.get("unplaced") : 0;
                bulletins.add(new Labelled((String) e.get("name"), (String) e.get("text"), date, unplaced, stations));
            }
            return bulletins;
        }
    }

}
