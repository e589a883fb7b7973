package cn.cdsw.tallybot.wording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.cdsw.tallybot.command.Refusal;
import cn.cdsw.tallybot.config.BotConfigLoader;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.config.ReportField;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.testing.ShippedWording;

/**
 * The catalogue is complete and has no dead text, figures print in one style, and every
 * refusal has its words.
 */
class WordingTests {

    static final Wording WORDING = ShippedWording.WORDING;
    static final FigureStyle FIGURES = WORDING.figures();

    @Test
    void everyEntryOfTheCatalogueIsSaidSomewhere() {
        assertThat(WORDING.catalogue().unused()).isEmpty();
    }

    @Test
    void aMessageFilledOtherwiseThanItsTextSaysStopsTheStartWithItsKey() {
        assertThatIllegalStateException().isThrownBy(() -> WORDING.catalogue().template("record.stored", "id"))
            .withMessageContaining("record.stored")
            .withMessageContaining("[figures, id, place]");
        assertThatIllegalStateException().isThrownBy(() -> WORDING.catalogue().template("record.nothing"))
            .withMessageContaining("no entry 'record.nothing'");
    }

    @ParameterizedTest
    @CsvSource({ "0, 0", "196, 196", "1310, 1310", "9999, 9999", "10000, '10,000'", "100000, '100,000'",
            "1234567, '1,234,567'" })
    void groupsWholeNumbersByThousandsFromTenThousandUp(long n, String printed) {
        assertThat(FIGURES.number(n)).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({ "0.50, 0.5", "4120.00, 4120", "9999.99, 9999.99", "29739.50, '29,739.5'", "128000, '128,000'",
            "1.2E+5, '120,000'" })
    void printsDecimalsExactlyWithoutTrailingZerosOrExponent(String value, String printed) {
        assertThat(FIGURES.number(new BigDecimal(value))).isEqualTo(printed);
    }

    @Test
    void printsEachKindOfFigureOneWay() {
        assertThat(FIGURES.metric(new Metric("visits", "户", 196, false))).isEqualTo("走访196户");
        assertThat(FIGURES.metric(new Metric("calls", "次", 300, true))).isEqualTo("电话约300次");
        assertThat(FIGURES.item(new Item("大米", 12000, "袋", true))).isEqualTo("大米约12,000袋");
        assertThat(FIGURES.materials(1310, false)).isEqualTo("物资1310件");
        assertThat(FIGURES.materials(4283, true)).isEqualTo("物资合计4283件");
        assertThat(FIGURES.value(new BigDecimal("29739.5"))).isEqualTo("价值29,739.5元");
        assertThat(FIGURES.money(new BigDecimal("5600.00"))).isEqualTo("5600元");
        assertThat(FIGURES.day(LocalDate.of(2026, 11, 28))).isEqualTo("11月28日");
        assertThat(FIGURES.span(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 28))).isEqualTo("11月1日—11月28日");
        assertThat(FIGURES.range(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 28))).isEqualTo("2026年11月1日—11月28日");
        assertThat(FIGURES.range(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 10)))
            .as("the year again where it changes")
            .isEqualTo("2026年12月20日—2027年1月10日");
        assertThat(FIGURES.range(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 28))).isEqualTo("2026年11月28日");
    }

    /**
     * The materials unit, the field names and the command words are bot-config's: replies
     * follow a change.
     */
    @Test
    void takesUnitsAndWordsFromBotConfig(@TempDir Path dir) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bot-config"))) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        Path metrics = dir.resolve("metrics.yml");
        Files.writeString(metrics, Files.readString(metrics).replace("total-unit: 件", "total-unit: 份"));
        Path commands = dir.resolve("commands.yml");
        Files.writeString(commands, Files.readString(commands).replace("report: [上报, ", "report: [报送, 上报, "));
        Path grammar = dir.resolve("grammar.yml");
        Files.writeString(grammar, Files.readString(grammar).replace("materials: [物资, ", "materials: [物品, 物资, "));

        Wording other = Wording.chinese(BotConfigLoader.load(dir));

        assertThat(other.figures().materials(1310, false)).isEqualTo("物品1310份");
        assertThat(other.chart().materials()).isEqualTo("物品（份）");
        assertThat(other.refusals().of(new Refusal.NoFigures())).contains("#报送 锦江区 三圣街道社工站 走访196户 物品1310份");
        assertThat(other.help().help(null, false)).contains("#报送 锦江区").contains("「#帮助 报送」").doesNotContain("件");
    }

    @Test
    void everyRefusalOfTheGrammarHasItsWords() throws ReflectiveOperationException {
        for (Class<?> type : Refusal.class.getPermittedSubclasses()) {
            Refusal refusal = sample(type);

            String reply = WORDING.refusals().of(refusal);

            assertThat(reply).as(type.getSimpleName()).startsWith("❌").doesNotContain("{").doesNotContain("}");
            // a form refusal shows the whole right form instead; an unknown field is
            // named by its name
            if (refusal instanceof Refusal.UnknownField unknown) {
                assertThat(reply).contains("「" + unknown.field() + "」");
            }
            else if (!(refusal instanceof Refusal.IncompleteCommand || refusal instanceof Refusal.NotAvailable)) {
                assertThat(reply).as(type.getSimpleName()).contains(refusal.fragment());
            }
        }
    }

    @Test
    void refusalsNameTheConfiguredWordsAndUnits() {
        assertThat(WORDING.refusals().of(new Refusal.MetricUnitMissing("走访196", "visits")))
            .contains("走访可以用：户、人次、次。例如：走访3户。");
        assertThat(WORDING.refusals().of(new Refusal.ItemUnitWrong("大米3吨x"))).contains("物资只能用：件、个、袋、瓶、双、箱…。");
        assertThat(WORDING.refusals().of(new Refusal.TooLarge("走访100001户", 100_000, "户"))).contains("超过单条上限100,000户");
        assertThat(WORDING.refusals().of(new Refusal.Conflict("金牛区", ReportField.DISTRICT))).contains("写了两个区县");
        assertThat(WORDING.refusals().of(new Refusal.UnknownField("颜色：红", "颜色")))
            .contains("可填：区县、单位、类别、日期、备注、物资、物资合计、价值");
        assertThat(WORDING.commandRefusals().coordinatorsOnly(CommandType.MISSING)).startsWith("❌ 「未报」只有协调员可以用");
    }

    /**
     * A refusal with made-up facts: text for text, 3 for numbers, a constant of an enum
     * that fits.
     */
    private static Refusal sample(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = types[i];
            String name = components[i].getName();
            values[i] = t == String.class ? (name.equals("metricKey") ? "visits" : "片段" + i)
                    : t == List.class ? List.of("金牛区")
                            : t == int.class ? 3 : t == long.class ? 3L : t == CommandType.class
                                    ? (type == Refusal.IncompleteCommand.class ? CommandType.BIND : CommandType.QUERY)
                                    : t.isEnum() ? t.getEnumConstants()[1] : null;
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        return (Refusal) constructor.newInstance(values);
    }

}
