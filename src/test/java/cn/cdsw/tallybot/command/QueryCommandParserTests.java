package cn.cdsw.tallybot.command;

import cn.cdsw.tallybot.config.CommandType;

import static cn.cdsw.tallybot.command.ParserFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.cdsw.tallybot.query.Period;
import cn.cdsw.tallybot.query.RankBy;
import cn.cdsw.tallybot.query.Scope;

class QueryCommandParserTests {

    static Command command(String text) {
        ParseResult result = parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).command();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            统计 锦江区 本周          | 锦江区 |                | 2026-11-23 | 2026-11-29
            统计                     |        |                | 2026-11-29 | 2026-11-29
            查询 高新 上月            | 高新区 |                | 2026-10-01 | 2026-10-31
            统计 全市 近7天           |        |                | 2026-11-23 | 2026-11-29
            统计 三圣街道社工站 本月   |        | 三圣街道社工站 | 2026-11-01 | 2026-11-29
            统计 11月1日 - 11月28日   |        |                | 2026-11-01 | 2026-11-28
            统计 11月1日 – 11月28日   |        |                | 2026-11-01 | 2026-11-28
            stats 2026-11-01~2026-11-28 |      |                | 2026-11-01 | 2026-11-28
            """)
    void readsScopeAndPeriodOfTotals(String text, String district, String unit, LocalDate from, LocalDate to) {
        Command.Query query = (Command.Query) command("#" + text.strip());

        assertThat(query.scope()).isEqualTo(new Scope(district, unit));
        assertThat(query.period().from()).isEqualTo(from);
        assertThat(query.period().to()).isEqualTo(to);
    }

    @Test
    void readsRankings() {
        Command.Rank visits = (Command.Rank) command("#排行 走访 本月");
        assertThat(visits.by()).isEqualTo(new RankBy.Metric("visits", "户"));
        assertThat(visits.byUnit()).isFalse();
        assertThat(visits.period().from()).isEqualTo(LocalDate.of(2026, 11, 1));

        Command.Rank personTimes = (Command.Rank) command("#排名 走访人次 单位");
        assertThat(personTimes.by()).isInstanceOfSatisfying(RankBy.Metric.class,
                metric -> assertThat(metric.unit()).isEqualTo("人次"));
        assertThat(personTimes.byUnit()).isTrue();

        assertThat(((Command.Rank) command("#排行 物资 上周")).by()).isInstanceOf(RankBy.Materials.class);
        // any name of the materials and value fields of grammar.yml, as in a report form
        assertThat(((Command.Rank) command("#排行 物资合计")).by()).isInstanceOf(RankBy.Materials.class);
        assertThat(((Command.Rank) command("#排行 总价值 本月")).by()).isInstanceOf(RankBy.Value.class);
        assertThat(((Command.Rank) command("#排行 锦江区 电话")).byUnit()).isTrue();
        assertThat(((Command.Rank) command("#排行")).by()).isInstanceOfSatisfying(RankBy.Metric.class,
                metric -> assertThat(metric.key()).isEqualTo("visits"));
    }

    @Test
    void aRankingsUnitIsNamedJoinedOrAsTheNextWordElseLeftToTheScope() {
        Command.Rank spaced = (Command.Rank) command("#排行 走访 人次 本周");
        assertThat(spaced.by()).isEqualTo(new RankBy.Metric("visits", "人次"));
        assertThat(spaced.unitNamed()).isTrue();
        assertThat(spaced.period().label()).isEqualTo("本周");
        assertThat(((Command.Rank) command("#排行 走访 趟")).by()).as("a unit synonym counts as its unit")
            .isEqualTo(new RankBy.Metric("visits", "次"));
        assertThat(((Command.Rank) command("#排行 走访人次")).unitNamed()).isTrue();

        Command.Rank unnamed = (Command.Rank) command("#排行 走访 本月");
        assertThat(unnamed.unitNamed()).as("the unit most used in the scope is read, and the reply says so").isFalse();
        assertThat(((Command.Rank) command("#排行")).unitNamed()).isFalse();
        assertThat(((Command.Rank) command("#排行 物资")).unitNamed()).as("materials have one unit").isTrue();
        assertThat(parse("#排行 走访 件")).as("a unit 走访 is not counted in is refused by name")
            .isInstanceOf(ParseResult.Rejected.class);
    }

    @Test
    void readsListsMissingAndSummary() {
        assertThat(command("#明细 锦江区 昨天"))
            .isEqualTo(new Command.ListRecords(new Scope("锦江区", null), Period.day(LocalDate.of(2026, 11, 28), "昨天")));
        assertThat(command("#未报")).isEqualTo(new Command.Missing(ParserFixtures.TODAY, null));
        assertThat(command("#缺报 11月28日 金牛")).isEqualTo(new Command.Missing(LocalDate.of(2026, 11, 28), "金牛区"));
        assertThat(command("#日报 11月28日")).isEqualTo(new Command.PostSummary(LocalDate.of(2026, 11, 28)));
        assertThat(command("#日报")).isEqualTo(new Command.PostSummary(ParserFixtures.TODAY));
    }

    @Test
    void readsTheWeeklyAndMonthlyReportCommandsWithTheFirstDayOfTheirPeriod() {
        assertThat(command("#周报")).isEqualTo(new Command.PostReport(CommandType.WEEKLY, null));
        assertThat(command("#周报 上周")).isEqualTo(new Command.PostReport(CommandType.WEEKLY, LocalDate.of(2026, 11, 16)));
        assertThat(command("#周报 11月20日"))
            .isEqualTo(new Command.PostReport(CommandType.WEEKLY, LocalDate.of(2026, 11, 20)));
        assertThat(command("#月报 10月"))
            .isEqualTo(new Command.PostReport(CommandType.MONTHLY, LocalDate.of(2026, 10, 1)));
        assertThat(parse("#月报 锦江区")).isInstanceOfSatisfying(ParseResult.Rejected.class,
                r -> assertThat(r.fragment()).isEqualTo("锦江区"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            统计 锦江区 下周      | 下周
            统计 天气             | 天气
            日报 本周             | 本周
            排行 走访个 本月      | 走访个
            """)
    void refusesWordsItDoesNotKnowByName(String text, String fragment) {
        ParseResult result = parse("#" + text.strip());

        assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class, r -> {
            assertThat(r.fragment()).isEqualTo(fragment);
            assertThat(ParserFixtures.reply(r)).startsWith("❌").contains(fragment);
        });
    }

}
