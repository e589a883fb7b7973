package cn.cdsw.tallybot.command;

import static cn.cdsw.tallybot.command.ParserFixtures.CONFIG;
import static cn.cdsw.tallybot.command.ParserFixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.UnitDirectory;

/**
 * Station names against units.yml (docs/domain.md §7): every spelling of a listed station
 * is that station, in the directory's spelling; a near miss of a listed station is
 * refused with its name; a station the directory does not list is read as before, and a
 * district without a list has no near misses.
 */
class UnitNamesTests {

    static final String BRACKETED = "少城街道社工站（宽窄巷子）";

    /** The shipped configuration with one more station, one written with brackets. */
    static final BotConfig WITH_BRACKETS = withUnits(Map.of("青羊区", List.of("琴台路社区社工室", BRACKETED)));

    static final CommandParser PARSER = new CommandParser(WITH_BRACKETS);

    static BotConfig withUnits(Map<String, List<String>> extra) {
        Map<String, List<String>> units = new LinkedHashMap<>(CONFIG.unitDirectory().unitsByDistrict());
        units.putAll(extra);
        BotConfig c = CONFIG;
        return new BotConfig(c.districts(), c.metrics(), c.materials(), c.categories(), c.commands(), c.grammar(),
                c.groups(), c.coordinators(), new UnitDirectory(units), c.prose());
    }

    static ParseResult parse(String text) {
        return PARSER.parse(text, member());
    }

    static String unitOf(String text) {
        ParseResult result = parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
        return ((Command.Report) ((ParseResult.Parsed) result).command()).draft().unit();
    }

    /** Nine ways phones and keyboards spell one station. */
    @ParameterizedTest
    @ValueSource(strings = { "少城街道社工站（宽窄巷子）", "少城街道社工站(宽窄巷子)", "少城街道社工站【宽窄巷子】", "少城街道社工站[宽窄巷子]", "少城街道社工站〔宽窄巷子〕",
            "少城街道社工站 (宽窄巷子)", "少城 街道社工站（宽窄巷子）", "少城街道\u200b社工站（宽窄\u200d巷子）", "少城街道社工站\u3000（ 宽窄巷子 ）" })
    void everySpellingOfAListedStationIsThatStation(String written) {
        assertThat(unitOf("#上报 青羊区 " + written + " 走访3户")).isEqualTo(BRACKETED);
        assertThat(unitOf("#上报\n区县：青羊区\n单位：" + written + "\n走访3户")).isEqualTo(BRACKETED);
        assertThat(unitOf("#上报 青羊区" + written + " 走访3户")).isEqualTo(BRACKETED);
    }

    @Test
    void aNearMissOfAListedStationIsRefusedWithItsName() {
        ParseResult result = ParserFixtures.parse("#上报 锦江区 三圣街到社工站 走访3户");

        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        ParseResult.Rejected rejected = (ParseResult.Rejected) result;
        assertThat(rejected.refusal()).isEqualTo(new Refusal.UnknownUnit("三圣街到社工站", "锦江区", "三圣街道社工站"));
        assertThat(rejected.reason()).isEqualTo(RefusalReason.UNKNOWN_UNIT);
        assertThat(ParserFixtures.reply(rejected)).isEqualTo("❌ 锦江区的单位名单里没有「三圣街到社工站」，您是指「三圣街道社工站」吗？这条没有记录，请改正后重新发送。");
    }

    @ParameterizedTest
    @ValueSource(strings = { "#上报 锦江区 牛市口街道社工站 走访3户", "#上报 武侯区 玉林街道社工站 走访3户", "#上报 武侯区 三圣街到社工站 走访3户" })
    void aStationTheDirectoryDoesNotListIsReadAsWritten(String text) {
        String written = text.split(" ")[2];

        assertThat(ParserFixtures.parse(text)).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((Command.Report) ((ParseResult.Parsed) ParserFixtures.parse(text)).command()).draft().unit())
            .isEqualTo(written);
    }

    @Test
    void anUnlistedStationIsStoredInOneSpellingToo() {
        assertThat(unitOf("#上报 武侯区 玉林街道\u200b社工站 走访3户")).isEqualTo(unitOf("#上报 武侯区 单位：玉林街道社工站\ufeff 走访3户"))
            .isEqualTo("玉林街道社工站");
        assertThat(new UnitNames(WITH_BRACKETS.unitDirectory()).spelling("武侯区", "玉林街道社工站【芳草】"))
            .isEqualTo("玉林街道社工站（芳草）");
    }

    /**
     * Brackets are clause separators (docs/commands.md §13), so only a listed station
     * keeps them: an unlisted one is cut at them, as before units.yml was read.
     */
    @Test
    void anUnlistedStationWithBracketsIsCutAtThemAsBefore() {
        assertThat(parse("#上报 武侯区 玉林街道社工站(芳草) 走访3户")).isInstanceOf(ParseResult.Rejected.class);
    }

    @Test
    void noGuessAmongTwoStationsEquallyClose() {
        UnitNames names = new UnitNames(new UnitDirectory(Map.of("锦江区", List.of("东升街道社工站", "西升街道社工站"))));

        assertThat(names.nearMiss("锦江区", "南升街道社工站")).isEmpty();
        assertThat(names.nearMiss("锦江区", "东升街道社工室")).contains("东升街道社工站");
        assertThat(names.nearMiss("锦江区", "东升街道社工站")).isEmpty();
        assertThat(names.nearMiss("金牛区", "东升街道社工室")).isEmpty();
    }

    @Provide
    Arbitrary<String> listed() {
        return Arbitraries.of(WITH_BRACKETS.unitDirectory()
            .unitsByDistrict()
            .values()
            .stream()
            .flatMap(List::stream)
            .distinct()
            .toList());
    }

    /**
     * A spelling of a name: spaces, zero-width characters and other brackets between its
     * characters, as phones produce them.
     */
    static String respell(String name, List<Integer> noise) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            int n = noise.get(i % noise.size());
            out.append(switch (c) {
                case '（' -> n % 3 == 0 ? "(" : n % 3 == 1 ? "【" : "〔";
                case '）' -> n % 3 == 0 ? ")" : n % 3 == 1 ? "】" : "〕";
                default -> String.valueOf(c);
            });
            if (i > 0 && i < name.length() - 1) {
                out.append(switch (n % 5) {
                    case 1 -> " ";
                    case 2 -> "\u200b";
                    case 3 -> "\u3000";
                    case 4 -> "\ufeff";
                    default -> "";
                });
            }
        }
        return out.toString();
    }

    @Property(tries = 200)
    void anySpellingOfAListedStationNormalisesToItAndIsNoNearMiss(@ForAll("listed") String name,
            @ForAll("noise") List<Integer> noise) {
        String district = WITH_BRACKETS.unitDirectory()
            .unitsByDistrict()
            .entrySet()
            .stream()
            .filter(e -> e.getValue().contains(name))
            .findFirst()
            .orElseThrow()
            .getKey();
        String spelled = respell(name, noise);
        UnitNames names = new UnitNames(WITH_BRACKETS.unitDirectory());

        assertThat(UnitNames.key(spelled)).isEqualTo(UnitNames.key(name));
        assertThat(names.spelling(district, spelled)).isEqualTo(name);
        assertThat(names.nearMiss(district, spelled)).isEmpty();
        assertThat(unitOf("#上报 " + district + " " + spelled + " 走访3户")).isEqualTo(name);
    }

    @Provide
    Arbitrary<List<Integer>> noise() {
        return Arbitraries.integers().between(0, 20).list().ofMinSize(1).ofMaxSize(12);
    }

    /** A suggestion is never offered for a name the directory lists. */
    @Property(tries = 100)
    void aListedNameIsNeverANearMiss(@ForAll("listed") String name) {
        UnitNames names = new UnitNames(WITH_BRACKETS.unitDirectory());

        for (String district : WITH_BRACKETS.unitDirectory().unitsByDistrict().keySet()) {
            if (WITH_BRACKETS.unitDirectory().unitsOf(district).contains(name)) {
                assertThat(names.nearMiss(district, name)).isEmpty();
            }
        }
    }

}
