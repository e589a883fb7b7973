package cn.cdsw.tallybot.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import cn.cdsw.tallybot.config.BotConfigProperties;
import cn.cdsw.tallybot.report.Actor;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.RecordSource;
import cn.cdsw.tallybot.report.ReportContent;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.report.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin API over a real ReportService on SQLite. spring-boot-webmvc-test (for
 * {@code @WebMvcTest}) is not a dependency, so MockMvc runs standalone with the same
 * controller, advice and interceptor.
 */
class RecordApiTests {

    private static final String TOKEN = "s3cret-token";

    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    /** The record JSON of docs/api.md §2, with raw_text, supersedes and superseded_by. */
    private static final String RECORD_JSON = """
            {"id":1,"platform":"onebot","group_id":"1418159967","sender_id":"10001","sender_name":"张三",
             "message_id":"5501","received_at":"2026-11-28T11:02:03Z","activity_date":"2026-11-28",
             "district":"锦江区","unit":"锦官驿街道社工站","category":"资源链接",
             "metrics":[{"key":"visits","unit":"户","value":196,"approx":false},
                        {"key":"calls","unit":"次","value":300,"approx":true}],
             "items":[{"name":"大米","quantity":224,"unit":"袋","approx":false},
                      {"name":"食用油","quantity":206,"unit":"瓶","approx":true}],
             "materials_total":4283,"value_yuan":29739.5,"note":"发动10家爱心企业","status":"active",
             "raw_text":"#上报 锦江区","supersedes":null,"superseded_by":null}""";

    @TempDir
    Path dir;

    private ReportService reports;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        reports = SqliteTestDatabase.reportService(SqliteTestDatabase.migrated(dir), CLOCK);
        mvc = mvc(TOKEN);
    }

    @Test
    void servesARecordAsTheContractJson() throws Exception {
        reports.store(source("5501"), form(), "#上报 锦江区");

        String body = mvc.perform(authorized(get("/api/v1/records/1")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

        JSONAssert.assertEquals(RECORD_JSON, body, JSONCompareMode.STRICT);
        assertThat(body).contains("\"value_yuan\":29739.5,");
    }

    @Test
    void writesWholeYuanAndMissingFieldsPlainly() throws Exception {
        reports.store(source("1"),
                new ReportContent("成华区", "站", null, DAY, List.of(), List.of(), null, new BigDecimal("4120.00"), null),
                "");

        String body = mvc.perform(authorized(get("/api/v1/records/1")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).contains("\"value_yuan\":4120,", "\"category\":null", "\"materials_total\":null",
                "\"note\":null", "\"metrics\":[]", "\"items\":[]");
    }

    @Test
    void listsFilteredRecordsInIdOrder() throws Exception {
        reports.store(source("1"), simple("锦江区", DAY.minusDays(1)), "");
        reports.store(source("2"), simple("锦江区", DAY), "");
        reports.store(source("3"), simple("成华区", DAY), "");
        reports.retract(2, new Actor("api", "test"));

        assertThat(ids("/api/v1/records")).containsExactly(1L, 2L, 3L);
        assertThat(ids("/api/v1/records?from=2026-11-28&to=2026-11-28&district=锦江区")).containsExactly(2L);
        assertThat(ids("/api/v1/records?status=active&unit=站&district=")).containsExactly(1L, 3L);
        assertThat(ids("/api/v1/records?from=2027-01-01")).isEmpty();
    }

    @Test
    void rejectsBadParametersWithProblemDetails() throws Exception {
        expectProblem(get("/api/v1/records?from=28.11.2026"), 400, "from must be a date like 2026-11-28");
        expectProblem(get("/api/v1/records?status=deleted"), 400, "status must be active, retracted or superseded");
        expectProblem(get("/api/v1/records?from=2026-11-28&to=2026-11-01"), 400, "is after to");
        mvc.perform(authorized(get("/api/v1/records/abc"))).andExpect(status().isBadRequest());
        expectProblem(get("/api/v1/records/42"), 404, "no record #42");
    }

    @Test
    void aDateOutsideTwoThousandToAYearAheadIsA400ProblemDetailThatNamesTheParameter() throws Exception {
        String body = problem(get("/api/v1/records?from=-999999999-01-01"));

        JSONAssert.assertEquals("""
                {"title":"Bad Request","status":400,
                 "detail":"from must be a date from 2000-01-01 to 2027-11-28, not -999999999-01-01","parameter":"from",
                 "instance":"/api/v1/records"}""", body, JSONCompareMode.STRICT);
        expectProblem(get("/api/v1/records?to={to}", "+999999999-12-31"), 400, "to must be a date from 2000-01-01");
        expectProblem(get("/api/v1/records?from=1999-12-31"), 400, "not 1999-12-31");
        expectProblem(get("/api/v1/records?to=2027-11-29"), 400, "to 2027-11-28, not 2027-11-29");
        assertThat(ids("/api/v1/records?from=2000-01-01&to=2027-11-28")).isEmpty();
    }

    @Test
    void aBadDateIsA400ProblemDetailThatNamesTheParameter() throws Exception {
        String body = problem(get("/api/v1/records?to=2026-13-01"));

        JSONAssert.assertEquals("""
                {"title":"Bad Request","status":400,
                 "detail":"to must be a date like 2026-11-28, not '2026-13-01'","parameter":"to",
                 "instance":"/api/v1/records"}""", body, JSONCompareMode.STRICT);
    }

    @Test
    void aBadStatusIsA400ProblemDetailThatListsTheStatuses() throws Exception {
        String body = problem(get("/api/v1/records?status=deleted"));

        JSONAssert.assertEquals("""
                {"title":"Bad Request","status":400,
                 "detail":"status must be active, retracted or superseded, not 'deleted'","parameter":"status",
                 "instance":"/api/v1/records"}""", body, JSONCompareMode.STRICT);
    }

    @Test
    void bindsStatusesByTheirJsonNamesAndIgnoresBlankParameters() throws Exception {
        reports.store(source("1"), simple("锦江区", DAY), "");
        reports.store(source("2"), simple("锦江区", DAY), "");
        reports.retract(2, new Actor("api", "test"));

        assertThat(ids("/api/v1/records?status=retracted")).containsExactly(2L);
        assertThat(ids("/api/v1/records?status={status}", " Active ")).containsExactly(1L);
        assertThat(ids("/api/v1/records?status=superseded")).isEmpty();
        assertThat(ids("/api/v1/records?from=&to=&status=&district={blank}", " ")).containsExactly(1L, 2L);
    }

    @Test
    void pagesThroughManyRecordsReturningEachOnceInIdOrder() throws Exception {
        for (int i = 1; i <= 25; i++) {
            reports.store(source(String.valueOf(i)), simple(i % 3 == 0 ? "成华区" : "锦江区", DAY), "");
        }
        reports.retract(4, new Actor("api", "test"));

        assertThat(allPages("/api/v1/records?limit=7")).containsExactlyElementsOf(range(1, 25));
        assertThat(allPages("/api/v1/records?limit=1&status=active&district=成华区")).containsExactly(3L, 6L, 9L, 12L, 15L,
                18L, 21L, 24L);
        assertThat(allPages("/api/v1/records?limit=25")).hasSize(25);
    }

    @Test
    void aPageIsTheDefaultHundredAndTheLastPageHasNoNext() throws Exception {
        for (int i = 1; i <= 101; i++) {
            reports.store(source(String.valueOf(i)), simple("锦江区", DAY), "");
        }

        JsonNode first = page("/api/v1/records");
        assertThat(first.get("records")).hasSize(100);
        assertThat(first.get("next").isString()).isTrue();
        JsonNode last = page("/api/v1/records?cursor=" + first.get("next").asString());
        assertThat(last.get("records")).hasSize(1);
        assertThat(last.get("records").get(0).get("id").asLong()).isEqualTo(101);
        assertThat(last.get("next").isNull()).as("null is written on the last page").isTrue();
        assertThat(page("/api/v1/records?from=2027-01-01").toString()).isEqualTo("{\"records\":[],\"next\":null}");
    }

    @Test
    void aLimitOutsideOneToAThousandIsA400() throws Exception {
        reports.store(source("1"), simple("锦江区", DAY), "");

        assertThat(ids("/api/v1/records?limit=1000")).containsExactly(1L);
        assertThat(ids("/api/v1/records?limit=1")).containsExactly(1L);
        JSONAssert.assertEquals("""
                {"title":"Bad Request","status":400,"parameter":"limit",
                 "detail":"limit must be a whole number from 1 to 1000, not 1001","instance":"/api/v1/records"}""",
                problem(get("/api/v1/records?limit=1001")), JSONCompareMode.STRICT);
        expectProblem(get("/api/v1/records?limit=0"), 400, "from 1 to 1000, not 0");
        expectProblem(get("/api/v1/records?limit=-5"), 400, "from 1 to 1000, not -5");
        expectProblem(get("/api/v1/records?limit=99999999999"), 400, "limit must be a whole number");
        expectProblem(get("/api/v1/records?limit=ten"), 400, "limit must be a whole number, not 'ten'");
    }

    @Test
    void aCursorThatNoPageGaveIsA400() throws Exception {
        reports.store(source("1"), simple("锦江区", DAY), "");
        reports.store(source("2"), simple("锦江区", DAY), "");
        String next = page("/api/v1/records?limit=1").get("next").asString();
        assertThat(ids("/api/v1/records?limit=1&cursor={c}", next)).containsExactly(2L);

        for (String bad : new String[] { "abc", "%%%", "12", RecordCursor.after(1) + "x",
                java.util.Base64.getUrlEncoder().encodeToString("after:-3".getBytes(StandardCharsets.US_ASCII)),
                java.util.Base64.getUrlEncoder().encodeToString("after:x".getBytes(StandardCharsets.US_ASCII)),
                "A".repeat(5000) }) {
            String body = problem(get("/api/v1/records?cursor={c}", bad));
            assertThat(body).contains("\"parameter\":\"cursor\"", "the 'next' value of a previous page")
                .doesNotContain("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        }
    }

    @Test
    void refusesMissingOrWrongTokens() throws Exception {
        mvc.perform(get("/api/v1/records"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
            .andExpect(content().contentType("application/problem+json"));
        mvc.perform(get("/api/v1/records").header(HttpHeaders.AUTHORIZATION, "Bearer wrong"))
            .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/records").header(HttpHeaders.AUTHORIZATION, "Basic " + TOKEN))
            .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/records").header(HttpHeaders.AUTHORIZATION, "bearer " + TOKEN))
            .andExpect(status().isOk());
    }

    @Test
    void isDisabledWhileNoTokenIsConfigured() throws Exception {
        for (String unset : new String[] { null, "", "  " }) {
            mvc(unset).perform(authorized(get("/api/v1/records")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("admin API disabled"));
        }
    }

    private List<Long> ids(String uri, Object... uriVariables) throws Exception {
        String body = mvc.perform(authorized(get(uri, uriVariables)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        List<Long> ids = new ArrayList<>();
        JsonMapper.shared().readTree(body).get("records").forEach(record -> ids.add(record.get("id").asLong()));
        return ids;
    }

    /** The ids of every page, following {@code next} from the first. */
    private List<Long> allPages(String first) throws Exception {
        List<Long> ids = new ArrayList<>();
        JsonNode page = page(first);
        int pages = 1;
        while (true) {
            page.get("records").forEach(record -> ids.add(record.get("id").asLong()));
            if (page.get("next").isNull()) {
                return ids;
            }
            assertThat(pages++).as("pages").isLessThan(100);
            page = page(first + "&cursor=" + page.get("next").asString());
        }
    }

    private JsonNode page(String uri) throws Exception {
        return JsonMapper.shared()
            .readTree(mvc.perform(authorized(get(uri)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    /** The body of a 400 answer, checked to carry nothing of the server's insides. */
    private String problem(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(authorized(request))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentType("application/problem+json"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("Exception", "java.", "springframework", "\tat ", "trace");
        return body;
    }

    private void expectProblem(MockHttpServletRequestBuilder request, int status, String detail) throws Exception {
        String body = mvc.perform(authorized(request))
            .andExpect(status().is(status))
            .andExpect(content().contentType("application/problem+json"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains(detail);
    }

    private MockMvc mvc(String token) {
        DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();
        conversions.addConverter(new RecordStatusConverter());
        return MockMvcBuilders
            .standaloneSetup(new RecordController(reports,
                    new ApiDates(CLOCK, new BotConfigProperties(Path.of("bot-config"), ZoneId.of("Asia/Shanghai")))))
            .setControllerAdvice(new ApiExceptionHandler())
            .setConversionService(conversions)
            .addMappedInterceptors(new String[] { "/api/**" },
                    new ApiTokenInterceptor(new ApiProperties(token), request -> false))
            .build();
    }

    private static MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN);
    }

    private static RecordSource source(String messageId) {
        return new RecordSource("onebot", "1418159967", "10001", "张三", messageId,
                Instant.parse("2026-11-28T11:02:03Z"));
    }

    private static ReportContent form() {
        return new ReportContent("锦江区", "锦官驿街道社工站", "资源链接", DAY,
                List.of(new Metric("visits", "户", 196, false), new Metric("calls", "次", 300, true)),
                List.of(new Item("大米", 224, "袋", false), new Item("食用油", 206, "瓶", true)), 4283L,
                new BigDecimal("29739.50"), "发动10家爱心企业");
    }

    private static ReportContent simple(String district, LocalDate date) {
        return new ReportContent(district, "站", null, date, List.of(), List.of(), null, null, null);
    }

}
