package cn.cdsw.tallybot.wording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.query.DistrictTotals;
import cn.cdsw.tallybot.query.Figures;
import cn.cdsw.tallybot.query.ItemTotal;
import cn.cdsw.tallybot.query.MetricTotal;
import cn.cdsw.tallybot.query.Period;
import cn.cdsw.tallybot.query.RankBy;
import cn.cdsw.tallybot.query.RankEntry;
import cn.cdsw.tallybot.query.Scope;
import cn.cdsw.tallybot.query.Totals;
import cn.cdsw.tallybot.testing.ShippedWording;

/**
 * Totals that cannot mislead, in plain Java: a sum with an approximate figure in it reads
 * 约 in #统计, #排行 and the evening post; a metric is never shown as one number across its
 * units, and a ranking says which unit it ranks; the change against the day before is a
 * percentage only of a base large enough; a re-post says 重发 and what changed.
 */
class TotalsWordingTests {

    static final LocalDate DAY = LocalDate.of(2026, 11, 28);
    static final QueryReplies QUERIES = ShippedWording.WORDING.queries();
    static final SummaryTexts SUMMARY = ShippedWording.WORDING.summary();

    static Totals totals(LocalDate day, List<MetricTotal> metrics, long materials, List<ItemTotal> items) {
        Figures figures = new Figures(2, 2, metrics, materials, BigDecimal.ZERO);
        return new Totals(day, day, Scope.CITY, figures, items, List.of(new DistrictTotals("锦江区", figures)));
    }

    static SummaryTexts.Day day(Totals today, Totals before, SummaryTexts.@Nullable Repost repost) {
        return new SummaryTexts.Day(DAY, false, today, before, List.of(), List.of(), 20, repost);
    }

    static final Totals EMPTY = totals(DAY.minusDays(1), List.of(), 0, List.of());

    @Test
    void aTotalWithAnApproximateFigureInItReadsApproximateAndOnlyInItsOwnUnit() {
        Totals t = totals(DAY,
                List.of(new MetricTotal("visits", "户", 238, true), new MetricTotal("visits", "人次", 15, false),
                        new MetricTotal("calls", "次", 80, true)),
                1740, List.of(new ItemTotal("大米", "袋", 224, false), new ItemTotal("口罩", "个", 500, true)));

        String reply = QUERIES.totals(t, Period.day(DAY, "今天"));

        assertThat(reply).contains("走访约238户/15人次").contains("电话约80次").contains("大米224袋、口罩约500个").doesNotContain("253");
    }

    @Test
    void theEveningPostKeepsTheApproximateMarkOfItsTotals() {
        Totals t = totals(DAY, List.of(new MetricTotal("visits", "户", 238, true),
                new MetricTotal("visits", "人次", 15, false), new MetricTotal("calls", "次", 80, true)), 0,
                List.of(new ItemTotal("口罩", "个", 500, true)));

        String post = SUMMARY.compose(day(t, EMPTY, null));

        assertThat(post).contains("走访约238户/15人次")
            .contains("电话约80次")
            .contains("口罩约500个")
            .contains("锦江区：上报2条，走访约238户/15人次");
    }

    @Test
    void aRankingShowsApproximateFiguresAndNamesTheUnitItRanks() {
        List<RankEntry> entries = List.of(new RankEntry("锦江区", BigDecimal.valueOf(196), true),
                new RankEntry("金牛区", BigDecimal.valueOf(42), false));

        String named = QUERIES.rank(entries, new RankBy.Metric("visits", "人次"), Scope.CITY, Period.day(DAY, "今天"));
        String chosen = QUERIES.rankInMostUsedUnit(entries, new RankBy.Metric("visits", "户"), Scope.CITY,
                Period.day(DAY, "今天"), List.of("户", "人次"));

        assertThat(named).contains("走访（人次）排行").contains("1. 锦江区 约196人次").contains("2. 金牛区 42人次");
        assertThat(chosen).contains("走访（户）排行")
            .contains("1. 锦江区 约196户")
            .endsWith("按户排：这是此范围里走访用得最多的单位；按人次的数不相加，要看请发「#排行 走访 人次」。");
        assertThat(QUERIES.rankInMostUsedUnit(entries, new RankBy.Metric("visits", "户"), Scope.CITY,
                Period.day(DAY, "今天"), List.of("户")))
            .endsWith("按户排：这是此范围里走访用得最多的单位。");
        assertThat(QUERIES.rankInMostUsedUnit(entries, new RankBy.Metric("calls", "次"), Scope.CITY,
                Period.day(DAY, "今天"), List.of("次")))
            .as("a metric of one unit needs no word about its unit")
            .doesNotContain("按次排");
    }

    @Test
    void theChangeIsAPercentageOnlyOfALargeEnoughBaseAndNeverAcrossUnits() {
        Totals today = totals(DAY,
                List.of(new MetricTotal("visits", "户", 12, false), new MetricTotal("visits", "人次", 40, false)), 300,
                List.of());
        Totals before = totals(DAY.minusDays(1),
                List.of(new MetricTotal("visits", "户", 3, true), new MetricTotal("visits", "人次", 25, false)), 250,
                List.of());

        String post = SUMMARY.compose(day(today, before, null));

        assertThat(post).contains("较前一日：走访+60%，物资+20%");
        Totals small = totals(DAY, List.of(new MetricTotal("visits", "户", 12, false)), 300, List.of());
        assertThat(SUMMARY.compose(day(small, before, null))).contains("较前一日：走访（昨日约3户，今日12户），物资+20%");
        assertThat(SUMMARY.compose(day(small, EMPTY, null))).contains("较前一日：走访（昨日0户，今日12户），物资（昨日0件，今日300件）");
        assertThat(SUMMARY.compose(new SummaryTexts.Day(DAY, false, small, before, List.of(), List.of(), 3, null)))
            .as("the base is a setting")
            .contains("走访+300%");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new SummaryTexts.Day(DAY, false, small, before, List.of(), List.of(), 0, null));
    }

    @Test
    void aRepostSaysSoAndWhatChangedSinceTheLastPostOrThatNothingDid() {
        Totals t = totals(DAY, List.of(new MetricTotal("visits", "户", 206, false)), 300, List.of());
        String first = SUMMARY.compose(day(t, EMPTY, null));

        String same = SUMMARY.compose(day(t, EMPTY, new SummaryTexts.Repost(List.of())));
        String changed = SUMMARY.compose(day(t, EMPTY, new SummaryTexts.Repost(List
            .of(new SummaryTexts.Change("visits", "户", 196, 206), new SummaryTexts.Change(null, null, 0, 300)))));

        assertThat(first).startsWith("【成都社工每日战报】2026年11月28日\n");
        assertThat(same)
            .isEqualTo(first.replace("【成都社工每日战报】2026年11月28日\n", "【重发】【成都社工每日战报】2026年11月28日\n与上次发送相比，数字没有变化。\n"));
        assertThat(changed).isEqualTo(
                first.replace("【成都社工每日战报】2026年11月28日\n", "【重发】【成都社工每日战报】2026年11月28日\n与上次发送相比：走访196→206户，物资0→300件\n"));
    }

}
