package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cdsw.tallybot.expectation.ExpectedUnits;
import cn.cdsw.tallybot.summary.CjkFont;
import cn.cdsw.tallybot.testing.TestServices;
import cn.cdsw.tallybot.web.Coordinator;
import cn.cdsw.tallybot.web.DeskSessions;
import cn.cdsw.tallybot.web.LoginLinks;
import tools.jackson.databind.JsonNode;

/**
 * The desk in a real browser (Debian's Chromium, headless): reports stored through the
 * webhook, a coordinator signs in with a one-time link, reads today's city figures off
 * the page, changes the period, and takes the ledger's download link with the session.
 * Every figure read is compared with the totals API. The main page is saved as
 * {@code target/web-main.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeskBrowserIntegrationTests extends WebhookTestBase {

    private static final Path SCREENSHOT = Path.of("target", "web-main.png");

    @DynamicPropertySource
    static void desk(DynamicPropertyRegistry registry) {
        registry.add("tallybot.web.public-url", () -> "http://desk.invalid");
    }

    @Autowired
    LoginLinks links;

    @Autowired
    ExpectedUnits expected;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCoordinatorSignsInReadsTheTotalsChangesThePeriodAndDownloadsTheLedger() throws IOException {
        TestServices.Chromium chromium = TestServices.chromium();
        seedLedger();
        browser = chromium(chromium);

        browser.get(localLink(links.issue(new Coordinator("onebot", "20001", "李协调"))));

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("today-card")).isEmpty());
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/");
        assertThat(browser.findElement(By.id("scope")).getText()).isEqualTo("全市");
        JsonNode today = bot.api("/api/v1/totals");
        assertThat(today.get("reports").asLong()).isEqualTo(3);
        assertCard("today", today);
        assertThat(browser.findElements(By.cssSelector("#districts tbody tr")).get(0).getText()).startsWith("1 锦江区 2");
        assertThat(browser.findElements(By.cssSelector("#records tbody tr"))).hasSize(4);
        assertThat(browser.findElement(By.id("records")).getText()).contains("#上报 锦江区 三圣街道社工站 走访196户");
        assertThat(browser.findElement(By.id("missing")).getText()).contains("青羊区·琴台路社区社工室")
            .doesNotContain("锦江区·三圣街道社工站");
        assertThat(browser.findElements(By.cssSelector("#trend svg"))).hasSize(2);
        JsonNode trend = bot.api("/api/v1/totals?from=2026-10-31&to=2026-11-29");
        assertThat(number(browser.findElement(By.id("trend-visits")).getDomAttribute("data-total")))
            .as("the trend's visits add up to the 30 days' total in 户")
            .isEqualByComparingTo(metric(trend, "visits", "户"));
        assertThat(number(browser.findElement(By.id("trend-materials")).getDomAttribute("data-total")))
            .isEqualByComparingTo(trend.get("materials_total").decimalValue());
        if (CjkFont.installed().isPresent()) {
            // the evening post's chart of the same days, drawn by the server and loaded
            // by the page
            WebElement chart = browser.findElement(By.cssSelector("#district-chart img"));
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE
                .equals(((JavascriptExecutor) d).executeScript("return arguments[0].complete", chart)));
            assertThat(((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", chart))
                .as("the chart loaded")
                .isEqualTo(1080L);
        }
        else {
            assertThat(browser.findElements(By.id("district-chart"))).as("no font, no chart").isEmpty();
        }
        browser.manage().window().setSize(new Dimension(1280, 3200));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT,
                StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.id("period-month")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20))
            .until(d -> d.findElement(By.id("period-span")).getText().contains("11月1日"));
        JsonNode month = bot.api("/api/v1/totals?from=2026-11-01&to=2026-11-29");
        assertThat(month.get("reports").asLong()).isEqualTo(4);
        assertCard("period", month);
        assertCard("today", today);

        WebElement export = browser.findElement(By.id("export"));
        URI href = URI.create(export.getDomAttribute("href"));
        assertThat(href.getPath()).isEqualTo("/api/v1/export");
        assertThat(href.getQuery()).isEqualTo("from=2026-11-01&to=2026-11-29&format=xlsx");
        String session = browser.manage().getCookieNamed(DeskSessions.COOKIE).getValue();
        try (Response download = new OkHttpClient()
            .newCall(new Request.Builder().url("http://127.0.0.1:" + port + export.getDomAttribute("href"))
                .header("Cookie", DeskSessions.COOKIE + "=" + session)
                .build())
            .execute()) {
            assertThat(download.code()).as("the ledger's download with the page's session").isEqualTo(200);
            assertThat(download.header("Content-Type"))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            byte[] workbook = download.body().bytes();
            assertThat(workbook).as("an xlsx is a zip").startsWith('P', 'K');
            Files.write(SCREENSHOT.resolveSibling("web-ledger.xlsx"), workbook);
        }
    }

    /**
     * Three reports today in two districts, one a week earlier, and one retracted today,
     * which no figure may count.
     */
    private void seedLedger() {
        // 29 November is a Sunday: a campaign makes the units expected, so the page lists
        // who is missing
        expected.set(null, LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 29), true, "onebot", "20001", "李协调");
        say(10001, "#上报 锦江区 三圣街道社工站 走访196户 物资1310件 价值2000.5元");
        say(10002, "#上报 锦江区 锦官驿街道社工站 走访15人次 电话约30次");
        say(10003, "#上报 金牛区 荷花池街道社工站 走访12户 物资20件");
        say(10004, "#上报 成华区 猛追湾街道社工站 走访3户");
        say(10004, "#撤回");
        say(10005, "#上报 青羊区 琴台路社区社工室 走访40户 日期：11月23日");
        assertThat(recordCount()).isEqualTo(5);
    }

    /** Every figure of a card equals the totals API's. */
    private void assertCard(String card, JsonNode totals) {
        assertThat(text(card + "-reports")).isEqualTo(totals.get("reports").asString());
        assertThat(text(card + "-units")).isEqualTo(totals.get("units").asString());
        assertThat(number(text(card + "-materials")))
            .isEqualByComparingTo(totals.get("materials_total").decimalValue());
        assertThat(number(text(card + "-value"))).isEqualByComparingTo(totals.get("value_yuan").decimalValue());
        List<WebElement> metrics = browser.findElements(By.cssSelector("[id^='" + card + "-metric-']"));
        assertThat(metrics).hasSize(totals.get("metrics").size());
        for (JsonNode m : totals.get("metrics")) {
            String shown = text(card + "-metric-" + m.get("key").asString() + "-" + m.get("unit").asString());
            boolean approx = m.get("approx").asBoolean();
            assertThat(shown.startsWith("约")).as(m.toString()).isEqualTo(approx);
            assertThat(number(shown)).as(m.toString()).isEqualByComparingTo(m.get("value").decimalValue());
        }
    }

    private static BigDecimal metric(JsonNode totals, String key, String unit) {
        for (JsonNode m : totals.get("metrics")) {
            if (m.get("key").asString().equals(key) && m.get("unit").asString().equals(unit)) {
                return m.get("value").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static BigDecimal number(String shown) {
        return new BigDecimal(shown.replace("约", "").replace(",", ""));
    }

    /** The link as issued, opened on this test's server. */
    private String localLink(URI link) {
        return "http://127.0.0.1:" + port + link.getPath();
    }

    private static WebDriver chromium(TestServices.Chromium chromium) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,2000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(chromium.driver().toFile())
            .usingAnyFreePort()
            .build();
        return new ChromeDriver(service, options);
    }

}
