package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cdsw.tallybot.export.ExportGate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger (台账) end to end, on a seeded ledger of several districts and units, with
 * approximate figures, materials, money and a retracted record: the export API's
 * workbook, opened with POI's reader, says what the totals API says, sheet by sheet; the
 * CSV starts with a byte-order mark; the API refuses a missing token and bad parameters;
 * and #导出 in the group uploads a workbook that opens, through upload_group_file of a
 * MockWebServer standing in for NapCat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "tallybot.test.own-context=ledger-export", "tallybot.export.queue-wait=300ms" })
class LedgerExportIntegrationTests extends WebhookTestBase {

    static final MockWebServer ONEBOT_API = TestSupport.startedMockWebServer();

    static final LinkedBlockingQueue<RecordedRequest> ACTIONS = new LinkedBlockingQueue<>();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String MONTH = "from=2026-11-01&to=2026-11-30";

    static {
        ONEBOT_API.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                ACTIONS.add(request);
                return new MockResponse.Builder().code(200)
                    .body("{\"status\":\"ok\",\"retcode\":0,\"data\":{\"file_id\":\"f1\"}}")
                    .build();
            }
        });
    }

    @DynamicPropertySource
    static void onebotApi(DynamicPropertyRegistry registry) {
        registry.add("tallybot.onebot.api-url", () -> ONEBOT_API.url("/").toString());
    }

    @AfterAll
    static void stopApi() {
        ONEBOT_API.close();
    }

    private final OkHttpClient http = new OkHttpClient();

    @Autowired
    ExportGate gate;

    private static boolean seeded;

    private static long retracted;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        say(1, "#上报 锦江区 三圣街道社工站 走访300余户 电话20次 日期：11月24日");
        say(1, "#上报 锦江区 三圣街道社工站 走访12户 心理疏导3人 日期：11月28日");
        say(2, """
                #上报
                区县：锦江区
                单位：锦官驿街道社工站
                类别：资源链接
                物资：大米224袋、食用油约200瓶
                物资合计：4283件
                价值：29739.5元
                备注：发动10家爱心企业, "爱心"个人""");
        say(3, "#上报 金牛区 荷花池街道社工站 走访15人次 物资300件 价值1200元 日期：11月27日");
        say(4, "#上报 金牛区 驷马桥街道社工站 走访8人次 电话约50次");
        say(5, "#上报 武侯区 玉林街道社工站 个案2个 志愿者10人");
        String doomed = say(5, "#上报 武侯区 玉林街道社工站 走访999户").replyText();
        retracted = idIn(doomed);
        assertThat(say(5, "#撤回 " + retracted).replyText()).contains("撤回");
    }

    @Test
    void theWorkbookSaysWhatTheTotalsApiSays() throws IOException {
        Download download = download("/api/v1/export?" + MONTH, TOKEN);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
        assertThat(download.disposition()).contains("filename=\"ledger_2026-11-01_2026-11-30.xlsx\"")
            .contains("filename*=UTF-8''%E5%8F%B0%E8%B4%A6_%E5%85%A8%E5%B8%82_2026-11-01_2026-11-30.xlsx");

        JsonNode totals = bot.api("/api/v1/totals?" + MONTH);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            assertThat(sheetNames(workbook)).containsExactly("汇总", "明细", "物资", "每日");
            for (Sheet sheet : workbook) {
                assertThat(sheet.getPaneInformation()).as("frozen header of " + sheet.getSheetName()).isNotNull();
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                assertThat(sheet.getColumnWidth(0)).as("column width").isGreaterThan(256 * 5);
            }
            checkSummary(workbook.getSheet("汇总"), totals);
            checkRecords(workbook.getSheet("明细"), totals);
            checkItems(workbook.getSheet("物资"), totals);
            checkDaily(workbook.getSheet("每日"));
        }
    }

    @Test
    void aDistrictsWorkbookHoldsOnlyItsRecords() throws IOException {
        Download download = download("/api/v1/export?" + MONTH + "&district=" + "金牛", TOKEN);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.disposition())
            .contains("filename*=UTF-8''%E5%8F%B0%E8%B4%A6_" + "%E9%87%91%E7%89%9B%E5%8C%BA");
        JsonNode totals = bot.api("/api/v1/totals?" + MONTH + "&district=%E9%87%91%E7%89%9B%E5%8C%BA");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            Sheet summary = workbook.getSheet("汇总");
            assertThat(text(summary.getRow(1), 0)).isEqualTo("金牛区合计");
            checkFigures(summary, summary.getRow(1), totals);
            checkRecords(workbook.getSheet("明细"), totals);
        }
    }

    @Test
    void theCsvIsUtf8WithAByteOrderMarkAndTheRecordRows() {
        Download download = download("/api/v1/export?" + MONTH + "&format=csv", TOKEN);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("text/csv");
        assertThat(download.disposition()).contains(".csv");
        byte[] body = download.body();
        assertThat(new byte[] { body[0], body[1], body[2] }).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).startsWith("日期,区县,单位,类别,走访(户),走访(人次),走访(次),电话(次)")
            .endsWith("物资,物资合计(件),价值(元),约数,备注,上报人,记录编号");
        assertThat(lines).hasSize(1 + bot.api("/api/v1/totals?" + MONTH).get("reports").asInt());
        assertThat(String.join("\n", lines)).contains("29739.50")
            .contains("\"发动10家爱心企业, \"\"爱心\"\"个人\"")
            .doesNotContain("," + retracted + "\n")
            .doesNotEndWith("," + retracted);
    }

    @Test
    void aLedgerThatWaitsTooLongBehindAnotherIsAskedToComeBackAndTheNextOneIsMade() {
        try (ExportGate.Pass another = gate.enter()) {
            for (String format : List.of("xlsx", "csv")) {
                Download refused = download("/api/v1/export?" + MONTH + "&format=" + format, TOKEN);
                assertThat(refused.status()).as(format).isEqualTo(503);
                assertThat(refused.retryAfter()).isEqualTo("60");
                assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("other ledgers are being made");
            }
        }
        assertThat(download("/api/v1/export?" + MONTH + "&format=csv", TOKEN).status()).isEqualTo(200);
    }

    @Test
    void theApiTakesTheTokenAndUsableParametersOnly() {
        assertThat(download("/api/v1/export?" + MONTH, null).status()).isEqualTo(401);
        assertThat(download("/api/v1/export?" + MONTH, "wrong").status()).isEqualTo(401);
        assertThat(problem("/api/v1/export?" + MONTH + "&format=pdf").get("parameter").asString()).isEqualTo("format");
        assertThat(problem("/api/v1/export?from=2026-11-30&to=2026-11-01").get("parameter").asString())
            .isEqualTo("from");
        assertThat(problem("/api/v1/export?from=2026-13-01").get("parameter").asString()).isEqualTo("from");
        assertThat(problem("/api/v1/export?from=1999-12-31").get("parameter").asString()).isEqualTo("from");
        assertThat(problem("/api/v1/export?district=火星区").get("parameter").asString()).isEqualTo("district");
    }

    @Test
    void exportInTheGroupUploadsAWorkbookThatOpens() throws Exception {
        assertThat(say(6, "#导出 全市 本月").replyText()).as("a member").contains("只有协调员");

        String reply = bot.post(OneBotEvents.groupMessage(GROUP, nextId(), 7, "admin", "#导出 全市 本月", clock.instant()))
            .replyText();
        int reports = bot.api("/api/v1/totals?from=2026-11-01&to=2026-11-29").get("reports").asInt();
        assertThat(reply).isEqualTo("📤 正在生成全市·本月台账（" + reports + "条记录），稍后发到本群文件。");

        RecordedRequest upload = nextAction("/upload_group_file");
        JsonNode params = JSON.readTree(upload.getBody().utf8());
        assertThat(params.get("group_id").asLong()).isEqualTo(Long.parseLong(GROUP));
        assertThat(params.get("name").asString()).isEqualTo("台账_全市_2026-11-01_2026-11-29.xlsx");
        String file = params.get("file").asString();
        assertThat(file).startsWith("base64://");
        byte[] xlsx = Base64.getDecoder().decode(file.substring("base64://".length()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("明细").getLastRowNum()).isEqualTo(reports);
            checkSummary(workbook.getSheet("汇总"), bot.api("/api/v1/totals?from=2026-11-01&to=2026-11-29"));
        }

        assertThat(bot.post(OneBotEvents.groupMessage(GROUP, nextId(), 7, "admin", "#导出 全市 2025年1月", clock.instant()))
            .replyText()).startsWith("📭 全市·2025年1月");
    }

    @Test
    void anExportInTheGroupThatWaitsTooLongBehindAnotherTellsTheGroupItDidNotGoOut() throws Exception {
        try (ExportGate.Pass another = gate.enter()) {
            String reply = bot
                .post(OneBotEvents.groupMessage(GROUP, nextId(), 7, "admin", "#导出 锦江区 本月", clock.instant()))
                .replyText();
            assertThat(reply).startsWith("📤 正在生成锦江区·本月台账");
            while (true) {
                String text = JSON.readTree(nextAction("/send_group_msg").getBody().utf8()).toString();
                if (text.contains("没有发出去")) {
                    assertThat(text).contains("台账_锦江区_2026-11-01_2026-11-29.xlsx").contains("请稍后再试");
                    break;
                }
            }
        }
    }

    private void checkSummary(Sheet summary, JsonNode totals) {
        Row city = summary.getRow(1);
        assertThat(text(city, 0)).isEqualTo("全市合计");
        checkFigures(summary, city, totals);
        Map<String, Row> districts = new HashMap<>();
        List<Row> units = new ArrayList<>();
        boolean pastGap = false;
        for (int r = 2; r <= summary.getLastRowNum(); r++) {
            Row row = summary.getRow(r);
            if (row == null || row.getCell(0) == null) {
                pastGap = true;
                continue;
            }
            if (pastGap) {
                units.add(row);
            }
            else {
                districts.put(text(row, 0), row);
            }
        }
        assertThat(districts).hasSize(totals.get("by_district").size());
        for (JsonNode district : totals.get("by_district")) {
            checkFigures(summary, districts.get(district.get("district").asString()), district);
        }
        assertThat(units).hasSize(totals.get("units").asInt());
        for (Row unit : units) {
            JsonNode ofUnit = bot
                .api("/api/v1/totals?" + MONTH + "&district=" + text(unit, 0) + "&unit=" + text(unit, 1));
            checkFigures(summary, unit, ofUnit);
        }
    }

    /** Reports, units, each metric in each unit, materials and value of one row of 汇总. */
    private void checkFigures(Sheet sheet, Row row, JsonNode totals) {
        Map<String, Integer> columns = columns(sheet);
        assertThat(number(row, columns.get("上报条数"))).isEqualTo(totals.get("reports").asLong());
        assertThat(number(row, columns.get("单位数"))).isEqualTo(totals.get("units").asLong());
        assertThat(number(row, columns.get("物资合计(件)"))).isEqualTo(totals.get("materials_total").asLong());
        assertThat(BigDecimal.valueOf(row.getCell(columns.get("价值(元)")).getNumericCellValue()))
            .isEqualByComparingTo(totals.get("value_yuan").decimalValue());
        long metricsInRow = 0;
        for (JsonNode metric : totals.get("metrics")) {
            Cell cell = row.getCell(columns.get(header(metric)));
            assertThat((long) cell.getNumericCellValue()).as(header(metric)).isEqualTo(metric.get("value").asLong());
            assertThat(cell.getCellStyle().getDataFormatString().contains("约")).as("约 on " + header(metric))
                .isEqualTo(metric.get("approx").asBoolean());
            metricsInRow += metric.get("value").asLong();
        }
        long allMetricCells = 0;
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            if (column.getKey().matches(".+\\(.+\\)") && !column.getKey().startsWith("物资")
                    && !column.getKey().startsWith("价值")) {
                allMetricCells += number(row, column.getValue());
            }
        }
        assertThat(allMetricCells).as("no figure the totals API lacks").isEqualTo(metricsInRow);
    }

    private void checkRecords(Sheet records, JsonNode totals) {
        Map<String, Integer> columns = columns(records);
        assertThat(records.getLastRowNum()).isEqualTo(totals.get("reports").asInt());
        Map<String, Long> sums = new HashMap<>();
        long materials = 0;
        BigDecimal value = BigDecimal.ZERO;
        boolean approxNamed = false;
        for (int r = 1; r <= records.getLastRowNum(); r++) {
            Row row = records.getRow(r);
            assertThat(number(row, columns.get("记录编号"))).isNotEqualTo(retracted);
            assertThat(row.getCell(columns.get("日期")).getLocalDateTimeCellValue().toLocalDate())
                .isBetween(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
            for (JsonNode metric : totals.get("metrics")) {
                sums.merge(header(metric), number(row, columns.get(header(metric))), Long::sum);
            }
            materials += number(row, columns.get("物资合计(件)"));
            Cell money = row.getCell(columns.get("价值(元)"));
            if (money != null) {
                value = value.add(BigDecimal.valueOf(money.getNumericCellValue()));
            }
            approxNamed |= text(row, columns.get("约数")).contains("走访(户)");
        }
        for (JsonNode metric : totals.get("metrics")) {
            assertThat(sums.get(header(metric))).as(header(metric)).isEqualTo(metric.get("value").asLong());
        }
        assertThat(materials).isEqualTo(totals.get("materials_total").asLong());
        assertThat(value).isEqualByComparingTo(totals.get("value_yuan").decimalValue());
        boolean approxVisits = totals.get("metrics").toString().contains("\"unit\":\"户\",\"value\"")
                && totals.get("metrics").toString().contains("\"approx\":true");
        if (approxVisits) {
            assertThat(approxNamed).as("约数 names 走访(户)").isTrue();
        }
    }

    private void checkItems(Sheet items, JsonNode totals) {
        JsonNode expected = totals.get("items");
        assertThat(items.getLastRowNum()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Row row = items.getRow(i + 1);
            JsonNode item = expected.get(i);
            assertThat(text(row, 0)).isEqualTo(item.get("name").asString());
            assertThat(text(row, 1)).isEqualTo(item.get("unit").asString());
            assertThat(number(row, 2)).isEqualTo(item.get("quantity").asLong());
            assertThat(text(row, 3)).isEqualTo(item.get("approx").asBoolean() ? "约" : "");
        }
    }

    private void checkDaily(Sheet daily) {
        assertThat(daily.getLastRowNum()).isEqualTo(30);
        Map<String, Integer> columns = columns(daily);
        for (int r = 1; r <= 30; r++) {
            Row row = daily.getRow(r);
            LocalDate day = row.getCell(0).getLocalDateTimeCellValue().toLocalDate();
            assertThat(day).isEqualTo(LocalDate.of(2026, 11, r));
            JsonNode totals = bot.api("/api/v1/totals?from=" + day + "&to=" + day);
            assertThat(number(row, columns.get("上报条数"))).as(day.toString()).isEqualTo(totals.get("reports").asLong());
            for (JsonNode metric : totals.get("metrics")) {
                assertThat(number(row, columns.get(header(metric)))).isEqualTo(metric.get("value").asLong());
            }
        }
    }

    private static String header(JsonNode metric) {
        Map<String, String> labels = Map.of("visits", "走访", "calls", "电话", "counselling", "心理疏导", "cases", "个案",
                "volunteers", "志愿者");
        return labels.get(metric.get("key").asString()) + "(" + metric.get("unit").asString() + ")";
    }

    private static Map<String, Integer> columns(Sheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : sheet.getRow(0)) {
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }

    private static long number(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            return 0;
        }
        assertThat(cell.getCellType()).as("a number, not text").isEqualTo(CellType.NUMERIC);
        return (long) cell.getNumericCellValue();
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : cell.getStringCellValue();
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private JsonNode problem(String path) {
        Download download = download(path, TOKEN);
        assertThat(download.status()).as(path).isEqualTo(400);
        assertThat(download.contentType()).startsWith("application/problem+json");
        return JSON.readTree(download.body());
    }

    private static RecordedRequest nextAction(String path) throws InterruptedException {
        while (true) {
            RecordedRequest request = ACTIONS.poll(20, TimeUnit.SECONDS);
            assertThat(request).as("a OneBot action " + path).isNotNull();
            if (request.getUrl().encodedPath().equals(path)) {
                return request;
            }
        }
    }

    record Download(int status, String contentType, String disposition, String retryAfter, byte[] body) {
    }

    private Download download(String pathAndQuery, String token) {
        Request.Builder request = new Request.Builder().url("http://127.0.0.1:" + port + pathAndQuery);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            return new Download(response.code(), String.valueOf(response.header("Content-Type")),
                    String.valueOf(response.header("Content-Disposition")),
                    String.valueOf(response.header("Retry-After")), response.body().bytes());
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
