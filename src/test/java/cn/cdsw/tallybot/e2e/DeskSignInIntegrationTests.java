package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.cdsw.tallybot.testing.TestServices;
import cn.cdsw.tallybot.web.Coordinator;
import cn.cdsw.tallybot.web.DeskSessions;
import cn.cdsw.tallybot.web.LoginLinks;

/**
 * Who gets into the web desk: nobody without a session (no figure, a page saying how to
 * get a link), a one-time link only once and only within its ten minutes, a session
 * cookie that scripts cannot read, and no change without the session's CSRF value. The
 * admin API's export path takes the session; the rest of the API still wants the token.
 */
@SpringBootTest
@Import(WebhookTestClock.class)
class DeskSignInIntegrationTests {

    private static final Coordinator COORDINATOR = new Coordinator("onebot", "20001", "李协调");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-desk-auth"));
        registry.add("tallybot.api.token", () -> WebhookTestBase.TOKEN);
        registry.add("tallybot.web.public-url", () -> "https://bot.example.cn/");
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    LoginLinks links;

    @Autowired
    MutableClock clock;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        clock.set(WebhookTestBase.NOON);
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Test
    void withoutASessionThePageShowsNoFigureAndSaysHowToGetALink() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/")).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(401);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("私聊机器人发送 #后台")
            .doesNotContain("today-reports", "districts", "records");
        assertThat(mvc
            .perform(get("/").cookie(new Cookie(DeskSessions.COOKIE, "made-up-session-id-of-43-characters-xxxxx")))
            .andReturn()
            .getResponse()
            .getStatus()).isEqualTo(401);
    }

    @Test
    void aLinkIsForTheConfiguredAddressAndItsPageDoesNotSpendIt() throws Exception {
        URI link = links.issue(COORDINATOR);

        assertThat(link.toString()).startsWith("https://bot.example.cn/login/");
        String token = token(link);
        MockHttpServletResponse preview = mvc.perform(get("/login/" + token)).andReturn().getResponse();
        assertThat(preview.getStatus()).isEqualTo(200);
        assertThat(preview.getContentAsString(StandardCharsets.UTF_8)).contains("action=\"/login\"", token);
        assertThat(links.open(token)).as("still unused after the preview").isTrue();
    }

    @Test
    void aLinkSignsInOnceWithAnHttpOnlyLaxCookieAndLandsOnTheDesk() throws Exception {
        String token = token(links.issue(COORDINATOR));

        MockHttpServletResponse signIn = mvc.perform(post("/login").param("token", token)).andReturn().getResponse();

        assertThat(signIn.getStatus()).isEqualTo(303);
        assertThat(signIn.getHeader(HttpHeaders.LOCATION)).isEqualTo("/");
        String setCookie = signIn.getHeader(HttpHeaders.SET_COOKIE);
        assertThat(setCookie).startsWith(DeskSessions.COOKIE + "=")
            .contains("HttpOnly", "SameSite=Lax", "Secure", "Path=/");
        Cookie session = session(setCookie);
        MockHttpServletResponse desk = mvc.perform(get("/").cookie(session)).andReturn().getResponse();
        assertThat(desk.getStatus()).isEqualTo(200);
        assertThat(desk.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(desk.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"today-reports\"", "李协调");

        MockHttpServletResponse again = mvc.perform(post("/login").param("token", token)).andReturn().getResponse();
        assertThat(again.getStatus()).as("a used link").isEqualTo(410);
        assertThat(again.getHeader(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(mvc.perform(get("/login/" + token)).andReturn().getResponse().getStatus()).isEqualTo(410);
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        String token = token(links.issue(COORDINATOR));
        clock.set(WebhookTestBase.NOON.plus(Duration.ofMinutes(10)).plusSeconds(1));

        MockHttpServletResponse late = mvc.perform(post("/login").param("token", token)).andReturn().getResponse();

        assertThat(late.getStatus()).isEqualTo(410);
        assertThat(late.getHeader(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(late.getContentAsString(StandardCharsets.UTF_8)).contains("#后台");
    }

    @Test
    void unknownOrMalformedTokensAreRefused() throws Exception {
        for (String token : new String[] { "", "x", "a".repeat(43), "../../etc/passwd" }) {
            assertThat(mvc.perform(post("/login").param("token", token)).andReturn().getResponse().getStatus())
                .as(token)
                .isEqualTo(410);
        }
    }

    @Test
    void aChangeWithoutTheSessionsCsrfValueIsForbiddenAndChangesNothing() throws Exception {
        Cookie session = signedIn();

        assertThat(mvc.perform(post("/logout").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/logout").cookie(session).param("_csrf", "wrong"))
            .andReturn()
            .getResponse()
            .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/logout").param("_csrf", "anything")).andReturn().getResponse().getStatus())
            .as("no session at all")
            .isEqualTo(403);
        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).as("still signed in")
            .isEqualTo(200);

        String csrf = csrfOf(mvc.perform(get("/").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
        MockHttpServletResponse out = mvc.perform(post("/logout").cookie(session).param("_csrf", csrf))
            .andReturn()
            .getResponse();
        assertThat(out.getStatus()).isEqualTo(302);
        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).as("signed out")
            .isEqualTo(401);
    }

    @Test
    void aSessionEndsAfterItsLifetime() throws Exception {
        Cookie session = signedIn();
        clock.set(WebhookTestBase.NOON.plus(Duration.ofHours(12)).plusSeconds(1));

        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void theExportPathTakesASessionAndTheRestOfTheApiStillWantsTheToken() throws Exception {
        Cookie session = signedIn();

        assertThat(mvc.perform(get("/api/v1/export").param("format", "xlsx")).andReturn().getResponse().getStatus())
            .as("export without session or token")
            .isEqualTo(401);
        assertThat(mvc.perform(get("/api/v1/export").param("format", "xlsx").cookie(session))
            .andReturn()
            .getResponse()
            .getStatus()).as("export with a session").isNotIn(401, 403);
        assertThat(mvc.perform(get("/api/v1/totals").cookie(session)).andReturn().getResponse().getStatus())
            .as("totals with a session only")
            .isEqualTo(401);
        assertThat(mvc.perform(post("/api/v1/summary").cookie(session)).andReturn().getResponse().getStatus())
            .as("a change through the API with a session only")
            .isEqualTo(401);
        assertThat(
                mvc.perform(get("/api/v1/totals").header(HttpHeaders.AUTHORIZATION, "Bearer " + WebhookTestBase.TOKEN))
                    .andReturn()
                    .getResponse()
                    .getStatus())
            .as("the token still works")
            .isEqualTo(200);
    }

    @Test
    void theCityChartOfThePagesPeriodTakesASessionAndIsThePostsChart() throws Exception {
        assertThat(mvc.perform(get("/chart.png")).andReturn().getResponse().getStatus()).isEqualTo(401);
        TestServices.chineseFont();
        Cookie session = signedIn();

        String page = mvc.perform(get("/").param("from", "2026-11-01").param("to", "2026-11-28").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
        MockHttpServletResponse chart = mvc
            .perform(get("/chart.png").param("from", "2026-11-01").param("to", "2026-11-28").cookie(session))
            .andReturn()
            .getResponse();

        assertThat(page).contains("id=\"district-chart\"")
            .contains("src=\"/chart.png?from=2026-11-01&amp;to=2026-11-28\"");
        assertThat(chart.getStatus()).isEqualTo(200);
        assertThat(chart.getContentType()).isEqualTo("image/png");
        assertThat(chart.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.getContentAsByteArray()));
        assertThat(image).as("a PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(mvc.perform(get("/").param("district", "锦江区").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString()).as("a district's view ranks its units, not districts")
            .doesNotContain("district-chart");
    }

    private Cookie signedIn() throws Exception {
        String token = token(links.issue(COORDINATOR));
        return session(mvc.perform(post("/login").param("token", token))
            .andReturn()
            .getResponse()
            .getHeader(HttpHeaders.SET_COOKIE));
    }

    private static String token(URI link) {
        String path = link.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Cookie session(String setCookie) {
        String pair = setCookie.substring(0, setCookie.indexOf(';'));
        return new Cookie(DeskSessions.COOKIE, pair.substring(pair.indexOf('=') + 1));
    }

    private static String csrfOf(String page) {
        return page.replaceAll("(?s)^.*name=\"_csrf\" value=\"([^\"]+)\".*$", "$1");
    }

}
