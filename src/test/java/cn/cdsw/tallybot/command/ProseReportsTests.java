package cn.cdsw.tallybot.command;

import static cn.cdsw.tallybot.command.ParserFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;

/**
 * Pasted bulletin paragraphs (docs/commands.md §10): the figures read, exactly, and
 * nothing from the numbers that count something else.
 */
class ProseReportsTests {

    static ReportDraft prose(String text) {
        ParseResult result = parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
        Command command = ((ParseResult.Parsed) result).command();
        assertThat(command).as(text).isInstanceOf(Command.ProsePending.class);
        return ((Command.ProsePending) command).draft();
    }

    @Test
    void readsThePengzhouBulletinParagraph() {
        ReportDraft draft = prose("""
                #上报 彭州市 社工总站
                自本轮疫情爆发以来，彭州社工共计拨打线上电话300余个，开展线下实地走访60余次，为18名空巢独居老人提供心理疏导。""");

        assertThat(draft.district()).isEqualTo("彭州市");
        assertThat(draft.unit()).isEqualTo("社工总站");
        assertThat(draft.activityDate()).isEqualTo(ParserFixtures.TODAY);
        assertThat(draft.metrics()).containsExactly(new Metric("calls", "次", 300, true),
                new Metric("visits", "次", 60, true), new Metric("counselling", "人", 18, false));
        assertThat(draft.items()).isEmpty();
        assertThat(draft.materialsTotal()).isNull();
        assertThat(draft.valueYuan()).isNull();
    }

    @Test
    void readsTheProseSampleOfTheSharedSamples() {
        ReportDraft draft = prose("#上报 简阳市 射洪坝街道社工站\n本周以来共入户走访独居老人46户，发放口罩300个、消毒液40瓶，" + "链接爱心企业捐赠物资折合人民币5600元。");

        assertThat(draft.district()).isEqualTo("简阳市");
        assertThat(draft.unit()).isEqualTo("射洪坝街道社工站");
        assertThat(draft.metrics()).containsExactly(new Metric("visits", "户", 46, false));
        assertThat(draft.items()).containsExactly(new Item("口罩", 300, "个", false), new Item("消毒液", 40, "瓶", false));
        assertThat(draft.explicitTotal()).isNull();
        assertThat(draft.materialsTotal()).isEqualTo(340);
        assertThat(draft.valueYuan()).isEqualByComparingTo("5600");
    }

    @Test
    void readsTheJinjiangParagraphOfTheDesignAndNothingFromTheDonorCounts() {
        ReportDraft draft = prose("#上报 锦江区 锦官驿街道社工站\n募集防疫物资4283件，总价值29739.5元，其中大米有224袋，一次性手套500双，"
                + "食用油206瓶，消毒酒精500瓶；发动10家爱心企业、445位爱心个人");

        assertThat(draft.metrics()).isEmpty();
        assertThat(draft.items()).containsExactly(new Item("大米", 224, "袋", false), new Item("一次性手套", 500, "双", false),
                new Item("食用油", 206, "瓶", false), new Item("消毒酒精", 500, "瓶", false));
        assertThat(draft.materialsTotal()).isEqualTo(4283);
        assertThat(draft.valueYuan()).isEqualByComparingTo("29739.5");
    }

    @Test
    void readsTheDesignClauseWithAVerbBetweenWordAndNumber() {
        ReportDraft draft = prose("#上报 锦江区 三圣街道社工站 今天社工们冒雨走访慰问了3户困难家庭，送去温暖。");

        assertThat(draft.district()).isEqualTo("锦江区");
        assertThat(draft.unit()).isEqualTo("三圣街道社工站");
        assertThat(draft.metrics()).containsExactly(new Metric("visits", "户", 3, false));
    }

    @Test
    void readsCueWordsChineseNumeralsAndLeavesPlaceCountsOut() {
        ReportDraft draft = prose("""
                #上报 成华区 猛追湾街道社工站
                11月以来，猛追湾街道社工站联合12个社区，电话随访独居老人120余次，入户探访困难家庭35户，\
                为8名居家隔离居民提供心理辅导，招募志愿者二十三名参与服务。""");

        assertThat(draft.metrics()).containsExactly(new Metric("calls", "次", 120, true),
                new Metric("visits", "户", 35, false), new Metric("counselling", "人", 8, false),
                new Metric("volunteers", "人", 23, false));
        assertThat(draft.items()).isEmpty();
        assertThat(draft.materialsTotal()).isNull();
    }

    @Test
    void readsPublicityChecksItemsAndAValueInTenThousands() {
        ReportDraft draft = prose("""
                #上报 新都区 大丰街道社工站
                本周大丰街道社工站共发放防疫宣传资料1200份，排查返蓉人员近300人次，\
                链接爱心企业捐赠大米50袋和食用油30桶，物资价值约1.2万元。""");

        assertThat(draft.metrics()).containsExactly(new Metric("publicity", "份", 1200, false),
                new Metric("checks", "人次", 300, true));
        assertThat(draft.items()).containsExactly(new Item("大米", 50, "袋", false), new Item("食用油", 30, "桶", false));
        assertThat(draft.materialsTotal()).isEqualTo(80);
        assertThat(draft.valueYuan()).isEqualByComparingTo("12000");
    }

    @Test
    void leavesOutOrdinalsAndYearsAndReadsATotalInTenThousands() {
        ReportDraft draft = prose("""
                #上报 双流区 东升街道社工站
                东升街道第3批志愿服务队出动志愿者45人次，走访慰问了三户困难家庭，电话问候空巢老人六十余次；\
                2022年以来累计募集爱心物资1.5万件。""");

        assertThat(draft.metrics()).containsExactly(new Metric("volunteers", "人次", 45, false),
                new Metric("visits", "户", 3, false), new Metric("calls", "次", 60, true));
        assertThat(draft.items()).isEmpty();
        assertThat(draft.materialsTotal()).isEqualTo(15000);
        assertThat(draft.valueYuan()).isNull();
    }

    @Test
    void readsAParagraphWithoutHeaderLeavingThePlaceToTheBindingOrTheQuestion() {
        ReportDraft draft = prose("#上报 疫情期间我站组织社工电话回访辖区独居老人86次，发放口罩、酒精等物资共计500件。");

        assertThat(draft.district()).isNull();
        assertThat(draft.unit()).isNull();
        assertThat(draft.metrics()).containsExactly(new Metric("calls", "次", 86, false));
        assertThat(draft.items()).isEmpty();
        assertThat(draft.materialsTotal()).isEqualTo(500);
    }

    static ProseNotes notes(String text) {
        return ((Command.ProsePending) ((ParseResult.Parsed) parse(text)).command()).notes();
    }

    @Test
    void readsAQuantityWrittenBeforeTheListOfWhatItWas() {
        assertThat(prose("#上报 荷花池街道社工站共筹集了860件防寒、助学和生活物资，发放至困境儿童家庭手中。").materialsTotal()).isEqualTo(860);
        assertThat(prose("#上报 社工站开展禁毒宣传进社区活动，发放800份宣传册和告知书。").metrics())
            .containsExactly(new Metric("publicity", "份", 800, false));
    }

    @Test
    void theSpecificActivityWordWinsOverTheGenericOne() {
        assertThat(prose("#上报 社工站邀请律师开展普法活动，为居民提供法律咨询服务90人次，心理疏导服务25人次，其他便民服务40人次。").metrics()).containsExactly(
                new Metric("consultations", "人次", 90, false), new Metric("counselling", "人次", 25, false),
                new Metric("services", "人次", 40, false));
    }

    @Test
    void countsOfPlacesStaffOrganisationsAndDonorsAreNotedNotCounted() {
        String text = "#上报 全区9个街道社工站带动8个社区社工室，60名专职社工和第3批志愿者一起，联系6家爱心企业、120位爱心人士，走访独居老人46户。";

        assertThat(prose(text).metrics()).containsExactly(new Metric("visits", "户", 46, false));
        assertThat(notes(text).notCounted()).containsExactly("9个街道社工站", "8个社区社工室", "60名专职社工", "第3批", "6家爱心企业",
                "120位爱心人士");
    }

    @Test
    void aWordAfterANumberNamesTheNearerNumber() {
        ReportDraft draft = prose("#上报 社工站组织专职社工5名、志愿者18名组成疫情防控小分队，协助社区开展入户排查。");

        assertThat(draft.metrics()).containsExactly(new Metric("volunteers", "人", 18, false));
    }

    @ParameterizedTest
    @CsvSource({ "服务群众千余名, services, 人, 1000", "电话问候数百次, calls, 次, 100", "接受居民咨询上千人次, consultations, 人次, 1000",
            "拨打电话近千次, calls, 次, 1000", "现场解答居民咨询百余人次, consultations, 人次, 100" })
    void readsApproximateAmountsWrittenInWords(String clause, String key, String unit, long value) {
        assertThat(prose("#上报 疫情防控期间社工坚守一线，" + clause + "。").metrics())
            .containsExactly(new Metric(key, unit, value, true));
    }

    @Test
    void keepsFiguresWrittenPerDayAsWrittenAndMarksThem() {
        String text = "#上报 疫情防控期间，社工每天为百余名居民测温登记，每周2次上门探访辖区独居老人，累计走访86户。";

        assertThat(prose(text).metrics()).containsExactly(new Metric("checks", "人", 100, true),
                new Metric("visits", "次", 2, false), new Metric("visits", "户", 86, false));
        assertThat(notes(text).perPeriod()).containsExactly(
                new ProseNotes.PerPeriod("每天", ProseNotes.Kind.METRIC, "checks", "人"),
                new ProseNotes.PerPeriod("每周", ProseNotes.Kind.METRIC, "visits", "次"));
    }

    @Test
    void addsUpOneMetricWrittenTwiceInASentenceButNotAPartOrAnotherPeriod() {
        assertThat(prose("#上报 社工联合网格员开展防疫政策宣传，张贴海报300余张，发放告知书1500份。").metrics())
            .containsExactly(new Metric("publicity", "份", 1800, true));
        assertThat(prose("#上报 本月社工站累计入户走访120户，其中独居老人家庭走访32户。").metrics())
            .containsExactly(new Metric("visits", "户", 120, false));
        String twoPeriods = "#上报 今年以来社工站累计走访1200户，本周走访36户，电话回访56次。";
        assertThat(prose(twoPeriods).metrics()).containsExactly(new Metric("calls", "次", 56, false));
        assertThat(notes(twoPeriods).notCounted()).contains("1200户", "36户");
    }

    @Test
    void answersAParagraphWithoutAFigureWithTheFormToUse() {
        ParseResult result = parse("#上报 金牛区 荷花池街道社工站\n今天大家都很辛苦，感谢各位社工和志愿者的坚守与付出。");

        assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class, rejected -> {
            assertThat(rejected.refusal()).isEqualTo(new Refusal.NoFiguresInProse());
            assertThat(ParserFixtures.reply(rejected)).contains("没有找到可以统计的数字").contains("走访196户");
        });
    }

    @Test
    void keepsTheStrictRefusalOfADistrictInAParagraphWithoutFigures() {
        ParseResult result = parse("#上报 金午区 荷花池街道社工站 今天大家都很辛苦，感谢各位社工和志愿者的坚守与付出。");

        assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class,
                rejected -> assertThat(rejected.refusal()).isNotEqualTo(new Refusal.NoFiguresInProse()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "#上报 金牛区 荷花池街道社工站\n我们发动了10家爱心企业和445位爱心个人，覆盖12个街道4个社区。",
            "#上报 金牛区 荷花池街道社工站\n今天大家都很辛苦，感谢各位社工和志愿者的坚守与付出。", "#上报 金牛区 荷花池街道社工站 走访3户 今天天气不错" })
    void keepsTheStrictRefusalWhenNoFigureCanBeRead(String text) {
        assertThat(parse(text)).as(text).isInstanceOf(ParseResult.Rejected.class);
    }

    @Test
    void readsStructuredReportsStrictlyAsBefore() {
        ParseResult result = parse("#上报 锦江区 三圣街道社工站 走访196户 物资1310件 个案2个");

        assertThat(((ParseResult.Parsed) result).command()).isInstanceOf(Command.Report.class);
    }

    @Test
    void readsAParagraphWrittenOnTheHeaderLineInShortClauses() {
        ParseResult result = ParserFixtures
            .parse("#上报 青羊区 少城街道社工站 今日开展防疫宣传，张贴海报45张，" + "接受居民咨询80人次，开展个案服务3个，电话问候独居老人30人次。");

        assertThat(result).isInstanceOfSatisfying(ParseResult.Parsed.class, parsed -> {
            ReportDraft draft = ((Command.ProsePending) parsed.command()).draft();
            assertThat(draft.district()).isEqualTo("青羊区");
            assertThat(draft.metrics()).containsExactly(new Metric("publicity", "份", 45, false),
                    new Metric("consultations", "人次", 80, false), new Metric("cases", "个", 3, false),
                    new Metric("calls", "次", 30, false));
        });
    }

}
