package cn.cdsw.tallybot.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.District;
import cn.cdsw.tallybot.export.LedgerExporter;
import cn.cdsw.tallybot.export.LedgerFormat;
import cn.cdsw.tallybot.export.LedgerRequest;
import cn.cdsw.tallybot.export.LedgerFile;
import cn.cdsw.tallybot.query.Scope;

/**
 * {@code GET /api/v1/export?from=&to=&district=&unit=&format=xlsx|csv}: the ledger of a
 * scope and period as a workbook, or its 明细 rows as CSV (docs/api.md §7). Without dates
 * it covers this month up to today. Every parameter is checked before a byte is written,
 * so a bad one is a 400 {@code ProblemDetail}; the file is made in full before its
 * headers go out, so a database failure is still answered as one, and a ledger that
 * waited too long behind others ({@code ExportGate}) is a 503 with a time to come back.
 */
@RestController
class ExportController {

    private final LedgerExporter exporter;

    private final BotConfig config;

    private final ApiDates dates;

    ExportController(LedgerExporter exporter, BotConfig config, ApiDates dates) {
        this.exporter = exporter;
        this.config = config;
        this.dates = dates;
    }

    @GetMapping("/api/v1/export")
    void export(@RequestParam(name = "from", required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate to,
            @RequestParam(name = "district", required = false) @Nullable String district,
            @RequestParam(name = "unit", required = false) @Nullable String unit,
            @RequestParam(name = "format", required = false) @Nullable String format, HttpServletResponse response)
            throws IOException {
        LedgerFormat chosen = format(format);
        LedgerRequest request = request(dates.within("from", from), dates.within("to", to), district, unit);
        try (LedgerFile ledger = chosen == LedgerFormat.CSV ? exporter.csv(request) : exporter.workbook(request)) {
            headers(response, chosen, request);
            OutputStream out = response.getOutputStream();
            ledger.writeTo(out);
            out.flush();
        }
    }

    private LedgerRequest request(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String district,
            @Nullable String unit) {
        var filter = RecordQueries.filter(from, to, null, unit, null);
        LocalDate today = dates.today();
        LocalDate end = filter.to() != null ? filter.to()
                : filter.from() != null && filter.from().isAfter(today) ? filter.from() : today;
        LocalDate start = filter.from() != null ? filter.from() : end.withDayOfMonth(1);
        return new LedgerRequest(start, end, new Scope(district(district), filter.unit()));
    }

    private static LedgerFormat format(@Nullable String format) {
        if (format == null || format.isBlank()) {
            return LedgerFormat.XLSX;
        }
        return LedgerFormat.named(format)
            .orElseThrow(() -> new BadParameterException("format", "format must be xlsx or csv, not '"
                    + (format.length() > 20 ? format.substring(0, 20) + "…" : format) + "'"));
    }

    private @Nullable String district(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return config.districts()
            .resolve(value.trim())
            .map(District::name)
            .orElseThrow(() -> new BadParameterException("district", "unknown district '" + value + "'"));
    }

    /**
     * The file name in Chinese as RFC 6266 / RFC 5987 {@code filename*}, with an ASCII
     * {@code filename} for clients that read only that.
     */
    private void headers(HttpServletResponse response, LedgerFormat format, LedgerRequest request) {
        String name = exporter.fileName(request, format);
        String ascii = "ledger_" + request.from() + "_" + request.to() + "." + format.extension();
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        response.setContentType(format.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

}
