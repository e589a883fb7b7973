package cn.cdsw.tallybot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cdsw.tallybot.e2e.TestSupport;
import cn.cdsw.tallybot.report.Actor;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.RecordSource;
import cn.cdsw.tallybot.report.ReportContent;
import cn.cdsw.tallybot.expectation.ExpectedUnits;
import cn.cdsw.tallybot.report.ReportService;

/** The evening post's text and chart, composed from records on a real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tallybot.summary.enabled=false")
class DailySummaryComposerTests {

    static final LocalDate NOV_28 = LocalDate.of(2026, 11, 28);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-composer"));
    }

    @Autowired
    DailySummaryComposer composer;

    @Autowired
    ReportService reports;

    @Autowired
    PeriodComposer reportsOfPeriods;

    @Autowired
    CityChart cityChart;

    @Autowired
    ExpectedUnits expected;

    /** Shared by the tests, which share the database: each message id is new. */
    static int message;

    long store(String district, String unit, LocalDate date, List<Metric> metrics, Long materials) {
        RecordSource source = new RecordSource("onebot", "1418159967", "1", "张三", "c" + message++,
                Instant.parse("2026-11-28T10:00:00Z"));
        return reports
            .store(source, new ReportContent(district, unit, null, date, metrics, List.of(), materials, null, null),
                    "raw")
            .record()
            .id();
    }

    @Test
    void composesTheDayAndCarriesLaterCorrectionsOfPostedDaysOnce() throws IOException {
        // 28 November is a Saturday: only a campaign expects the units to report on it
        expected.set(null, NOV_28, NOV_28, true, "onebot", "1", "张三");
        long first = store("锦江区", "三圣街道社工站", NOV_28, List.of(new Metric("visits", "户", 196, false)), 5593L);
        store("金牛区", "荷花池街道社工站", NOV_28,
                List.of(new Metric("visits", "人次", 12, false), new Metric("calls", "次", 30, false)), null);
        store("锦江区", "锦官驿街道社工站", NOV_28.minusDays(1), List.of(new Metric("visits", "户", 100, false)), null);

        DailySummary day = composer.compose(NOV_28, false);

        assertThat(day.text()).startsWith("【成都社工每日战报】2026年11月28日")
            .contains("全市上报2条｜参与单位2个")
            .contains("走访196户/12人次｜物资5593件")
            .contains("电话30次")
            .contains("锦江区：上报1条，走访196户，物资5593件")
            .contains("金牛区：上报1条，走访12人次")
            .contains("未上报（14）：锦江区·锦官驿街道社工站、")
            .contains("较前一日：走访+96%，物资（昨日0件，今日5593件）")
            .doesNotContain("更正");
        if (CjkFont.installed().isPresent()) {
            assertThat(ImageIO.read(new ByteArrayInputStream(day.chartPng())).getWidth()).isGreaterThan(0);
        }
        else {
            assertThat(day.chartPng()).as("no chart of empty boxes on a machine without a Chinese font").isNull();
        }
        composer.posted(day);

        reports.correct(first,
                new RecordSource("onebot", "1418159967", "1", "张三", "fix", Instant.parse("2026-11-29T01:00:00Z")),
                new ReportContent("锦江区", "三圣街道社工站", null, NOV_28, List.of(new Metric("visits", "户", 206, false)),
                        List.of(), 5593L, null, null),
                "raw", new Actor("onebot", "1"));
        DailySummary next = composer.compose(NOV_28.plusDays(1), true);

        assertThat(next.text()).startsWith("【补发】【成都社工每日战报】2026年11月29日").contains("更正：11月28日 走访196→206户");
        composer.posted(next);
        assertThat(composer.compose(NOV_28.plusDays(2), false).text()).doesNotContain("更正");
    }

    @Test
    void theWeeklyReportAndTheWebDeskDrawTheEveningPostsChartOrNoneWithoutAFont() throws IOException {
        LocalDate monday = LocalDate.of(2026, 11, 16);
        store("成华区", "猛追湾街道社工站", monday.plusDays(2), List.of(new Metric("visits", "户", 40, false)), 12L);

        DailySummary week = reportsOfPeriods.compose(PostKind.WEEKLY, monday, false);
        Optional<byte[]> desk = cityChart.render(monday, monday.plusDays(6));

        assertThat(week.text()).contains("2026年11月16日—11月22日");
        if (CjkFont.installed().isPresent()) {
            assertThat(cityChart.available()).isTrue();
            assertThat(ImageIO.read(new ByteArrayInputStream(week.chartPng())).getWidth()).isEqualTo(1080);
            assertThat(ImageIO.read(new ByteArrayInputStream(desk.orElseThrow())).getWidth()).isEqualTo(1080);
        }
        else {
            assertThat(cityChart.available()).isFalse();
            assertThat(week.chartPng()).isNull();
            assertThat(desk).isEmpty();
        }
    }

    @Test
    void aDayPostedAgainOnRequestSaysSoAndWhatChangedSinceItsLastPost() {
        LocalDate day = NOV_28.minusDays(20);
        long first = store("青羊区", "草市街道社工站", day, List.of(new Metric("visits", "户", 50, true)), null);

        DailySummary once = composer.composeOnRequest(day);
        assertThat(once.text()).as("never posted: a first post").startsWith("【成都社工每日战报】").contains("走访约50户");
        composer.posted(once);
        DailySummary again = composer.composeOnRequest(day);
        assertThat(again.text())
            .isEqualTo(once.text().replace("【成都社工每日战报】2026年11月8日\n", "【重发】【成都社工每日战报】2026年11月8日\n与上次发送相比，数字没有变化。\n"));
        assertThat(composer.compose(day, false).text()).as("the scheduled post reaches a group once: never 重发")
            .isEqualTo(once.text());
        composer.posted(again);

        reports.correct(first,
                new RecordSource("onebot", "1418159967", "1", "张三", "fix-again", Instant.parse("2026-11-29T01:00:00Z")),
                new ReportContent("青羊区", "草市街道社工站", null, day, List.of(new Metric("visits", "户", 56, false)), List.of(),
                        null, null, null),
                "raw", new Actor("onebot", "1"));
        DailySummary changed = composer.composeOnRequest(day);

        assertThat(changed.text()).isEqualTo(once.text()
            .replace("【成都社工每日战报】2026年11月8日\n", "【重发】【成都社工每日战报】2026年11月8日\n与上次发送相比：走访50→56户\n")
            .replace("走访约50户", "走访56户")
            .replace("今日约50户", "今日56户"));
    }

}
