package cn.cdsw.tallybot.command;

import static cn.cdsw.tallybot.command.ParserFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;

class CommandParserTests {

    static ReportDraft report(String text) {
        ParseResult result = parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
        Command command = ((ParseResult.Parsed) result).command();
        assertThat(command).isInstanceOf(Command.Report.class);
        return ((Command.Report) command).draft();
    }

    static ParseResult.Rejected rejected(String text) {
        ParseResult result = parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }

    @Test
    void readsTheOneLineReportOfTheDesign() {
        ReportDraft draft = report("#上报 锦江区 三圣街道社工站 走访196户 物资1310件 个案2个");

        assertThat(draft.district()).isEqualTo("锦江区");
        assertThat(draft.unit()).isEqualTo("三圣街道社工站");
        assertThat(draft.activityDate()).isEqualTo(ParserFixtures.TODAY);
        assertThat(draft.metrics()).containsExactly(new Metric("visits", "户", 196, false),
                new Metric("cases", "个", 2, false));
        assertThat(draft.materialsTotal()).isEqualTo(1310);
    }

    @Test
    void readsTheFormOfTheDesign() {
        ReportDraft draft = report("""
                #上报
                区县：锦江区
                单位：锦官驿街道社工站
                类别：资源链接
                物资：大米224袋、一次性手套500双、食用油206瓶、消毒酒精500瓶
                物资合计：4283件
                价值：29739.5元
                备注：发动10家爱心企业、445位爱心个人""");

        assertThat(draft.district()).isEqualTo("锦江区");
        assertThat(draft.unit()).isEqualTo("锦官驿街道社工站");
        assertThat(draft.category()).isEqualTo("资源链接");
        assertThat(draft.items()).containsExactly(new Item("大米", 224, "袋", false), new Item("一次性手套", 500, "双", false),
                new Item("食用油", 206, "瓶", false), new Item("消毒酒精", 500, "瓶", false));
        assertThat(draft.materialsTotal()).isEqualTo(4283);
        assertThat(draft.valueYuan()).isEqualByComparingTo("29739.5");
        assertThat(draft.note()).isEqualTo("发动10家爱心企业、445位爱心个人");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            走访两千七百一十五人次 | visits | 人次 | 2715 | false
            走访一千三百一十户     | visits | 户   | 1310 | false
            志愿者十五人           | volunteers | 人 | 15 | false
            电话300余个            | calls  | 次   | 300  | true
            服务50多人             | services | 人 | 50   | true
            走访二十来户           | visits | 户   | 20   | true
            咨询约30人次           | consultations | 人次 | 30 | true
            走访近200人次          | visits | 人次 | 200  | true
            走访100户左右          | visits | 户   | 100  | true
            走访千余户             | visits | 户   | 1000 | true
            走访１９６户           | visits | 户   | 196  | false
            走访 196 户            | visits | 户   | 196  | false
            走访196 户余           | visits | 户   | 196  | true
            走访300 余户           | visits | 户   | 300  | true
            走访4,283户            | visits | 户   | 4283 | false
            走访1.2万人次          | visits | 人次 | 12000 | false
            走访3趟                | visits | 次   | 3    | false
            咨询35                 | consultations | 人次 | 35 | false
            个案2例                | cases  | 个   | 2    | false
            海报120张              | publicity | 份 | 120 | false
            入户走访三户           | visits | 户   | 3    | false
            """)
    void readsNumbersUnitsAndApproximations(String clause, String key, String unit, long value, boolean approx) {
        ReportDraft draft = report("#上报 锦江区 三圣街道社工站 " + clause.strip());

        assertThat(draft.metrics()).containsExactly(new Metric(key, unit, value, approx));
    }

    @Test
    void keepsDifferentUnitsOfOneMetricApart() {
        ReportDraft draft = report("#上报 锦江区 三圣街道社工站 走访196户、15人次");

        assertThat(draft.metrics()).containsExactly(new Metric("visits", "户", 196, false),
                new Metric("visits", "人次", 15, false));
    }

    @Test
    void readsClausesWrittenWithoutSeparators() {
        ReportDraft draft = report("#上报 锦江区 三圣街道社工站 走访三户电话五次");

        assertThat(draft.metrics()).containsExactly(new Metric("visits", "户", 3, false),
                new Metric("calls", "次", 5, false));
    }

    @Test
    void keepsNumeralsInsideNames() {
        ReportDraft draft = report("#上报 锦江区 三圣街道社工站 物资：一次性手套500双、N95口罩1万个");

        assertThat(draft.items()).containsExactly(new Item("一次性手套", 500, "双", false),
                new Item("N95口罩", 10000, "个", false));
        assertThat(draft.materialsTotal()).isEqualTo(10500);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            日期：11月27日 | 2026-11-27
            日期:11-28     | 2026-11-28
            2026-11-25     | 2026-11-25
            昨天           | 2026-11-28
            前天           | 2026-11-27
            """)
    void readsDates(String clause, LocalDate expected) {
        ReportDraft draft = report("#上报 锦江区 三圣街道社工站 " + clause.strip() + " 走访3户");

        assertThat(draft.activityDate()).isEqualTo(expected);
    }

    @Test
    void readsMoneyInYuanAndTenThousands() {
        assertThat(report("#上报 锦江区 三圣街道社工站 金额2.3万元").valueYuan()).isEqualByComparingTo("23000");
        assertThat(report("#上报 锦江区 三圣街道社工站 价值：29739.5元").valueYuan()).isEqualByComparingTo(new BigDecimal("29739.5"));
        assertThat(report("#上报 锦江区 三圣街道社工站 价值4120").valueYuan()).isEqualByComparingTo("4120");
    }

    @Test
    void leavesDistrictAndUnitOpenForTheBindingOrAFollowUp() {
        ReportDraft draft = report("#上报 走访3户");

        assertThat(draft.district()).isNull();
        assertThat(draft.unit()).isNull();
        assertThat(draft.metrics()).containsExactly(new Metric("visits", "户", 3, false));
    }

    /**
     * Rows leave out {@code #上报}: a CSV text block reads lines starting with # as
     * comments.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            金牛区 荷花池街道社工站 走访-3户                 | 走访-3户      | 负数
            #上报 金午区 荷花池街道社工站 走访3户                  | 金午区        | 金牛区
            金牛区 荷花池街道社工站 走访3户 今天天气不错     | 今天天气不错  | 备注
            金牛区 荷花池街道社工站 走访196                  | 走访196       | 户、人次、次
            金牛区 荷花池街道社工站 走访196个                | 走访196个     | 单位不对
            金牛区 荷花池街道社工站 走访100001户             | 走访100001户  | 上限100,000户
            金牛区 荷花池街道社工站 走访2.5户                | 走访2.5户     | 整数
            金牛区 荷花池街道社工站 日期:11月30日 走访3户    | 11月30日      | 还没到
            金牛区 荷花池街道社工站 日期:11月1日 走访3户     | 11月1日       | 协调员
            金牛区 荷花池街道社工站 走访3户 走访4户          | 走访4户       | 重复
            金牛区 荷花池街道社工站 类别:吃饭 走访3户        | 吃饭          | 重点人群
            金牛区 荷花池街道社工站 物资100袋                | 物资100袋     | 件
            金牛区 荷花池街道社工站 N95口罩500个             | N95口罩500个  | 物资：
            金牛区 荷花池街道社工站                          | ''            | 没有读到任何数字
            金牛区 锦江区 荷花池街道社工站 走访3户           | 锦江区        | 两个区县
            """)
    void refusesWhatItCannotReadNamingTheFragment(String text, String fragment, String hint) {
        ParseResult.Rejected rejected = rejected("#上报 " + text.strip());

        assertThat(rejected.fragment()).isEqualTo(fragment);
        assertThat(ParserFixtures.reply(rejected)).contains(hint).startsWith("❌");
    }

    @Test
    void acceptsOldDatesFromACoordinator() {
        ParseResult result = ParserFixtures.PARSER.parse("#上报 金牛区 荷花池街道社工站 日期:11月1日 走访3户",
                ParserFixtures.coordinator());

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "今天大家都辛苦了", "报告领导，今天完成了", "#今天好累", "上报了吗", "" })
    void ignoresOrdinaryChat(String text) {
        assertThat(parse(text)).isInstanceOf(ParseResult.NotACommand.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "#上报 走访3户", "＃上报 走访3户", "/上报 走访3户", "上报 走访3户", "#填报 走访3户", "#report 走访3户", "#REPORT 走访3户",
            "#上报走访3户", "#上报：走访3户" })
    void recognisesCommandWordsAndPrefixes(String text) {
        assertThat(report(text).metrics()).containsExactly(new Metric("visits", "户", 3, false));
    }

    @Test
    void treatsAMentionWithoutCommandAsAskingForHelp() {
        ParseResult result = ParserFixtures.PARSER.parse("你好", new ParseContext(ParserFixtures.TODAY, 7, false, true));

        assertThat(result).isEqualTo(new ParseResult.Parsed(new Command.Help(null)));
    }

    @Test
    void readsTheOtherCommands() {
        assertThat(parse("#绑定 锦江区 三圣街道社工站")).isEqualTo(new ParseResult.Parsed(new Command.Bind("锦江区", "三圣街道社工站")));
        assertThat(parse("#撤回")).isEqualTo(new ParseResult.Parsed(new Command.Retract(null)));
        assertThat(parse("#撤回 #128")).isEqualTo(new ParseResult.Parsed(new Command.Retract(128L)));
        assertThat(parse("#我的")).isEqualTo(new ParseResult.Parsed(new Command.Mine()));
        assertThat(parse("#帮助 上报")).isEqualTo(new ParseResult.Parsed(new Command.Help(CommandType.REPORT)));
        Command correct = ((ParseResult.Parsed) parse("#更正 128 走访206户")).command();
        assertThat(correct).isInstanceOfSatisfying(Command.Correct.class, c -> {
            assertThat(c.recordId()).isEqualTo(128);
            assertThat(c.changes().metrics()).containsExactly(new Metric("visits", "户", 206, false));
            assertThat(c.changes().activityDate()).isNull();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "#绑定 锦江区", "#撤回 昨天那条", "#更正 走访3户" })
    void refusesIncompleteCommandsWithTheRightForm(String text) {
        assertThat(ParserFixtures.reply(rejected(text))).contains("例如");
    }

    @Test
    void multipliesOutTenThousands() {
        ReportDraft draft = report("#上报 新都区 大丰街道社工站 物资合计2.5万件 金额12.8万元");

        assertThat(draft.explicitTotal()).isEqualTo(25000);
        assertThat(draft.valueYuan()).isEqualTo(new BigDecimal("128000"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            锦江区三圣街道社工站 走访3户      | 锦江区 | 三圣街道社工站
            锦江三圣街道社工站 走访3户        | 锦江区 | 三圣街道社工站
            锦江区·三圣街道社工站 走访3户     | 锦江区 | 三圣街道社工站
            金牛区荷花池社工站 走访3户        | 金牛区 | 荷花池社工站
            新津区社工总站 走访3户            | 新津区 | 新津区社工总站
            彭州市社工总站 走访3户            | 彭州市 | 社工总站
            """)
    void splitsADistrictTypedTogetherWithTheUnit(String text, String district, String unit) {
        ReportDraft draft = report("#上报 " + text.strip());

        assertThat(draft.district()).isEqualTo(district);
        assertThat(draft.unit()).isEqualTo(unit);
    }

    @ParameterizedTest
    @ValueSource(strings = { "走访196户！", "走访196户。", "（走访196户）", "【走访196户】", "走访196 余户", "走访196户?" })
    void toleratesPunctuationUsersWrapClausesIn(String clause) {
        assertThat(report("#上报 锦江区 三圣街道社工站 " + clause).metrics()).extracting(Metric::key, Metric::value)
            .containsExactly(tuple("visits", 196L));
    }

    @Test
    void readsAnItemInBracketsAfterTheTotal() {
        ReportDraft draft = report("#上报 锦江区 三圣街道社工站 物资1310件（口罩500个）");

        assertThat(draft.materialsTotal()).isEqualTo(1310);
        assertThat(draft.items()).containsExactly(new Item("口罩", 500, "个", false));
    }

    @Test
    void readsMaterialsAfterAVerbOfGivingOrCollecting() {
        ReportDraft draft = report("#上报 锦江区 三圣街道社工站 发放口罩300个 募集物资4283件 发放宣传单200份");

        assertThat(draft.items()).containsExactly(new Item("口罩", 300, "个", false));
        assertThat(draft.materialsTotal()).isEqualTo(4283);
        assertThat(draft.metrics()).containsExactly(new Metric("publicity", "份", 200, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            慰问困难群众20户          | visits      | 户   | 20
            入户走访独居老人46户      | visits      | 户   | 46
            电话问候独居老人30人次    | calls       | 次   | 30
            宣传海报80张              | publicity   | 份   | 80
            """)
    void readsAMetricWordWithWhomItServed(String clause, String key, String unit, long value) {
        assertThat(report("#上报 锦江区 三圣街道社工站 " + clause.strip()).metrics())
            .containsExactly(new Metric(key, unit, value, false));
    }

    @Test
    void doesNotGuessAQualifiedMetricWhoseUnitDoesNotFit() {
        ParseResult result = parse("#上报 锦江区 三圣街道社工站 走访老人发放口罩300个");

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class,
                parsed -> assertThat(parsed.command()).isInstanceOfSatisfying(Command.ProsePending.class, pending -> {
                    assertThat(pending.draft().metrics()).isEmpty();
                    assertThat(pending.draft().items()).containsExactly(new Item("口罩", 300, "个", false));
                }));
    }

}
