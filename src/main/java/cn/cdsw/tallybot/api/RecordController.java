package cn.cdsw.tallybot.api;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.RecordFilter;
import cn.cdsw.tallybot.report.RecordStatus;
import cn.cdsw.tallybot.report.ReportService;

/**
 * {@code GET /api/v1/records} (one page of records in id order, and the cursor of the
 * next) and {@code GET /api/v1/records/{id}}. A page reads one row more than it returns,
 * to know whether another follows without counting the rest.
 */
@RestController
@RequestMapping("/api/v1/records")
class RecordController {

    private final ReportService reports;

    private final ApiDates dates;

    RecordController(ReportService reports, ApiDates dates) {
        this.reports = reports;
        this.dates = dates;
    }

    @GetMapping
    RecordPageJson list(
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate to,
            @RequestParam(name = "district", required = false) @Nullable String district,
            @RequestParam(name = "unit", required = false) @Nullable String unit,
            @RequestParam(name = "status", required = false) @Nullable RecordStatus status,
            @RequestParam(name = "limit", required = false) @Nullable Integer limit,
            @RequestParam(name = "cursor", required = false) @Nullable String cursor) {
        RecordFilter filter = RecordQueries.filter(dates.within("from", from), dates.within("to", to), district, unit,
                status);
        int size = RecordQueries.limit(limit);
        List<ActivityRecord> rows = reports.page(filter, RecordCursor.parse(cursor), size + 1);
        List<ActivityRecord> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size ? RecordCursor.after(page.get(size - 1).id()) : null;
        return new RecordPageJson(page.stream().map(RecordJson::of).toList(), next);
    }

    @GetMapping("/{id}")
    RecordJson one(@PathVariable("id") long id) {
        return reports.find(id)
            .map(RecordJson::of)
            .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no record #" + id), null));
    }

}
