package cn.cdsw.tallybot.wording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.query.DistrictTotals;
import cn.cdsw.tallybot.query.Figures;
import cn.cdsw.tallybot.query.MetricTotal;
import cn.cdsw.tallybot.query.Scope;
import cn.cdsw.tallybot.query.Totals;
import cn.cdsw.tallybot.testing.ShippedWording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the weekly and monthly reports say: title, the district ranking by the headline
 * metric in its main unit, the units that never reported, the change against the period
 * before (a percentage only from a large enough base), and 约 for approximate totals.
 */
class ReportTextsTests {

    static final SummaryTexts SUMMARY = ShippedWording.WORDING.summary();

    static final LocalDate WEEK = LocalDate.of(2026, 11, 23);

    static final LocalDate MONTH = LocalDate.of(2026, 11, 1);

    static Figures figures(long reports, long households, long personTimes, boolean approx, long materials) {
        List<MetricTotal> metrics = new ArrayList<>();
        if (households > 0) {
            metrics.add(new MetricTotal("visits", "户", households, approx));
        }
        if (personTimes > 0) {
            metrics.add(new MetricTotal("visits", "人次", personTimes, false));
        }
        return new Figures(reports, reports, metrics, materials, BigDecimal.ZERO);
    }

    static Totals totals(LocalDate from, LocalDate to, DistrictTotals... districts) {
        long reports = 0;
        long households = 0;
        long personTimes = 0;
        long materials = 0;
        boolean approx = false;
        for (DistrictTotals d : districts) {
            reports += d.figures().reports();
            households += d.figures().metric("visits", "户");
            personTimes += d.figures().metric("visits", "人次");
            materials += d.figures().materialsTotal();
            approx |= d.figures().metrics().stream().anyMatch(MetricTotal::approx);
        }
        return new Totals(from, to, Scope.CITY, figures(reports, households, personTimes, approx, materials), List.of(),
                List.of(districts));
    }

    static DistrictTotals district(String name, long reports, long households, long personTimes, long materials) {
        return new DistrictTotals(name, figures(reports, households, personTimes, false, materials));
    }

    static final Totals LAST_WEEK = totals(WEEK, WEEK.plusDays(6), district("锦江区", 5, 196, 15, 1310),
            district("金牛区", 9, 40, 300, 0), district("武侯区", 3, 240, 0, 600));

    static final Totals WEEK_BEFORE = totals(WEEK.minusWeeks(1), WEEK.minusDays(1), district("锦江区", 4, 400, 0, 12));

    @Test
    void aWeeklyReportRanksTheDistrictsByTheMainUnitNeverAcrossUnits() {
        String text = SUMMARY.compose(new SummaryTexts.Report(ReportSpan.WEEK, WEEK, false, LAST_WEEK, WEEK_BEFORE,
                List.of("金牛区·荷花池街道社工站"), 20));

        assertThat(text.lines().toList()).containsSubsequence("【成都社工周报】2026年11月23日—11月29日", "全市上报17条｜参与单位17个",
                "区县排名（按走访户数）：", "1. 武侯区：上报3条，走访240户，物资600件", "2. 锦江区：上报5条，走访196户/15人次，物资1310件",
                // 300 人次 do not lift 金牛区 above 196 户: units are never compared
                "3. 金牛区：上报9条，走访300人次/40户", "本周一直未上报（1）：金牛区·荷花池街道社工站");
    }

    @Test
    void theChangeIsAPercentageOnlyFromALargeEnoughBase() {
        String text = SUMMARY
            .compose(new SummaryTexts.Report(ReportSpan.WEEK, WEEK, false, LAST_WEEK, WEEK_BEFORE, List.of(), 20));

        // 476 户 against 400: +19%; materials 1910 against 12 (below 20): both figures
        assertThat(text).endsWith("较上周：走访+19%，物资（上周12件，本周1910件）");
        assertThat(text).doesNotContain("一直未上报");
    }

    @Test
    void aMonthlyReportSaysMonthAndMarksApproximateTotalsAndCatchUp() {
        Totals november = totals(MONTH, MONTH.plusMonths(1).minusDays(1),
                new DistrictTotals("锦江区", figures(30, 1234, 0, true, 0)));
        Totals october = totals(MONTH.minusMonths(1), MONTH.minusDays(1), district("锦江区", 20, 1000, 0, 0));
        List<String> never = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            never.add("锦江区·社工站" + i);
        }

        String text = SUMMARY
            .compose(new SummaryTexts.Report(ReportSpan.MONTH, MONTH, true, november, october, never, 20));

        assertThat(text.lines().toList()).first().isEqualTo("【补发】【成都社工月报】2026年11月");
        assertThat(text).contains("走访约1234户")
            .contains("本月一直未上报（25）：锦江区·社工站1、")
            .contains("锦江区·社工站20等")
            .doesNotContain("社工站21")
            .endsWith("较上月：走访+23%");
    }

    @Test
    void aPeriodWithoutVisitsIsRankedByReports() {
        Totals materialsOnly = totals(WEEK, WEEK.plusDays(6), district("锦江区", 1, 0, 0, 50),
                district("青羊区", 4, 0, 0, 10));

        String text = SUMMARY.compose(new SummaryTexts.Report(ReportSpan.WEEK, WEEK, false, materialsOnly,
                totals(WEEK.minusWeeks(1), WEEK.minusDays(1)), List.of(), 20));

        assertThat(text.lines().toList()).containsSubsequence("区县排名（按上报条数）：", "1. 青羊区：上报4条，物资10件", "2. 锦江区：上报1条，物资50件");
    }

}
