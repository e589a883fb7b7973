package cn.cdsw.tallybot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import cn.cdsw.tallybot.report.Metric;

/**
 * Properties of cutting a bulletin into stations: whatever the layout (headings, district
 * lines, unit lines with or without their district, text after a colon, picture names
 * between), each station gets exactly the figures written in its own paragraphs, never
 * one of another station's, and every paragraph line is in exactly one station's text.
 */
class BulletinPropertyTests {

    /**
     * Districts units.yml lists no unit for, so that no generated unit is a near miss.
     */
    static final List<String> DISTRICTS = List.of("武侯区", "温江区", "郫都区", "青白江区", "金堂县", "蒲江县", "邛崃市", "东部新区");

    static final List<String> NAME_PARTS = List.of("玉林", "簇桥", "永宁", "柳城", "犀浦", "团结", "赵镇", "鹤山", "临邛", "文昌", "红牌楼",
            "火车南站", "桂溪", "石羊");

    static final List<String> PICTURES = List.of("IMG_2031.jpg", "微信图片_20261128.png", "[图片]", "(图为社工入户走访)",
            "IMG_0001.JPEG IMG_0002.jpeg");

    /** A sentence a station writes, and the figure it holds. */
    record Sentence(String text, Metric figure) {
    }

    record Station(String district, String unit, int layout, List<Sentence> sentences, List<String> pictures) {
    }

    record Bulletin(List<String> headings, List<Station> stations) {

        String text() {
            List<String> lines = new ArrayList<>();
            lines.add("成都市社会工作服务简报");
            for (int i = 0; i < stations.size(); i++) {
                if (i < headings.size()) {
                    lines.add(headings.get(i));
                }
                Station s = stations.get(i);
                List<String> paragraphs = new ArrayList<>(s.sentences().stream().map(Sentence::text).toList());
                switch (s.layout()) {
                    case 0 -> {
                        lines.add(s.district());
                        lines.add(s.unit());
                    }
                    case 1 -> lines.add(s.district() + s.unit() + ":");
                    case 2 -> lines.add("【" + s.district() + "】" + s.unit());
                    default -> lines.add(s.district() + s.unit() + ":" + paragraphs.remove(0));
                }
                for (int p = 0; p < paragraphs.size(); p++) {
                    lines.add(paragraphs.get(p));
                    if (p < s.pictures().size()) {
                        lines.add(s.pictures().get(p));
                    }
                }
            }
            return String.join("\n", lines);
        }

    }

    @Provide
    Arbitrary<Bulletin> bulletins() {
        Arbitrary<List<Station>> stations = station().list().ofMinSize(2).ofMaxSize(6).uniqueElements(Station::unit);
        Arbitrary<List<String>> headings = Arbitraries.of(ParserFixtures.CONFIG.categories())
            .map(c -> Arbitraries.of(c, "一、" + c, "【" + c + "】", "★" + c + "★").sample())
            .list()
            .ofMaxSize(6);
        return Combinators.combine(headings, stations.map(BulletinPropertyTests::apart)).as(Bulletin::new);
    }

    /**
     * Station i's figures in the thousands of i + 1, so that no two stations write the
     * same sentence and a figure tells whose it is.
     */
    static List<Station> apart(List<Station> stations) {
        List<Station> apart = new ArrayList<>();
        for (int i = 0; i < stations.size(); i++) {
            Station s = stations.get(i);
            List<Sentence> sentences = new ArrayList<>();
            for (Sentence sentence : s.sentences()) {
                Metric m = sentence.figure();
                long value = (i + 1) * 1000L + m.value() % 1000;
                int kind = FIGURES.indexOf(new Metric(m.key(), m.unit(), 1, false));
                sentences.add(new Sentence(String.format(SENTENCES.get(kind), value),
                        new Metric(m.key(), m.unit(), value, false)));
            }
            apart.add(new Station(s.district(), s.unit(), s.layout(), sentences, s.pictures()));
        }
        return apart;
    }

    Arbitrary<Station> station() {
        Arbitrary<String> unit = Arbitraries.of(NAME_PARTS)
            .flatMap(part -> Arbitraries.of("街道社工站", "社区社工室").map(end -> part + end));
        Arbitrary<List<Sentence>> sentences = Arbitraries.integers()
            .between(0, SENTENCES.size() - 1)
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .uniqueElements()
            .flatMap(kinds -> Arbitraries.integers()
                .between(1, 9999)
                .list()
                .ofSize(kinds.size())
                .map(values -> sentences(kinds, values)));
        return Combinators
            .combine(Arbitraries.of(DISTRICTS), unit, Arbitraries.integers().between(0, 3), sentences,
                    Arbitraries.of(PICTURES).list().ofMaxSize(3))
            .as(Station::new);
    }

    static final List<String> SENTENCES = List.of("社工入户走访独居老人%d户。", "电话问候空巢老人%d次。", "发放防诈宣传单%d份。", "为%d名居民提供心理疏导服务。",
            "开展个案服务%d个。", "招募志愿者%d名。");

    static final List<Metric> FIGURES = List.of(new Metric("visits", "户", 1, false), new Metric("calls", "次", 1, false),
            new Metric("publicity", "份", 1, false), new Metric("counselling", "人", 1, false),
            new Metric("cases", "个", 1, false), new Metric("volunteers", "人", 1, false));

    static List<Sentence> sentences(List<Integer> kinds, List<Integer> values) {
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            int k = kinds.get(i);
            Metric m = FIGURES.get(k);
            sentences.add(new Sentence(String.format(SENTENCES.get(k), values.get(i)),
                    new Metric(m.key(), m.unit(), values.get(i), false)));
        }
        return sentences;
    }

    static Command.Bulletin read(Bulletin bulletin) {
        ParseResult result = ParserFixtures.PARSER.parse("#上报\n" + bulletin.text(), ParserFixtures.coordinator());
        assertThat(result).as(bulletin.text()).isInstanceOf(ParseResult.Parsed.class);
        Command command = ((ParseResult.Parsed) result).command();
        assertThat(command).as(bulletin.text()).isInstanceOf(Command.Bulletin.class);
        return (Command.Bulletin) command;
    }

    @Property(tries = 300)
    void eachStationHoldsExactlyTheFiguresOfItsOwnParagraphs(@ForAll("bulletins") Bulletin bulletin) {
        Command.Bulletin read = read(bulletin);

        assertThat(read.stations()).as(bulletin.text()).hasSameSizeAs(bulletin.stations());
        for (int i = 0; i < read.stations().size(); i++) {
            Station written = bulletin.stations().get(i);
            ReportDraft draft = read.stations().get(i).draft();
            assertThat(draft.district()).isEqualTo(written.district());
            assertThat(draft.unit()).isEqualTo(written.unit());
            assertThat(draft.metrics()).as(bulletin.text())
                .containsExactlyInAnyOrderElementsOf(written.sentences().stream().map(Sentence::figure).toList());
        }
    }

    @Property(tries = 300)
    void everyParagraphLineIsInExactlyOneStation(@ForAll("bulletins") Bulletin bulletin) {
        Command.Bulletin read = read(bulletin);

        Set<String> seen = new HashSet<>();
        for (Station station : bulletin.stations()) {
            for (Sentence sentence : station.sentences()) {
                String line = TextNormalizer.normalize(sentence.text());
                List<BulletinStation> holding = read.stations().stream().filter(s -> s.text().contains(line)).toList();
                assertThat(holding).as("stations holding %s in%n%s", line, bulletin.text()).hasSize(1);
                seen.add(line);
            }
        }
        assertThat(read.stations().stream().mapToInt(s -> s.text().split("\n").length).sum())
            .as("station lines: one unit line or two, and the paragraphs")
            .isGreaterThanOrEqualTo(seen.size());
    }

}
