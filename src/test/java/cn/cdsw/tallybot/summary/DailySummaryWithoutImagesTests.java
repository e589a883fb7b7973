package cn.cdsw.tallybot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cdsw.tallybot.e2e.TestSupport;

/**
 * With {@code tallybot.summary.images=false} the post is text only: no chart is drawn
 * just to be dropped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "tallybot.summary.enabled=false", "tallybot.summary.images=false" })
class DailySummaryWithoutImagesTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-no-images"));
    }

    @Autowired
    DailySummaryComposer composer;

    @Test
    void composesTheTextWithoutAChart() {
        DailySummary day = composer.compose(LocalDate.of(2026, 11, 28), false);

        assertThat(day.text()).startsWith("【成都社工每日战报】2026年11月28日");
        assertThat(day.chartPng()).isNull();
    }

}
