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

import cn.cdsw.tallybot.report.RecordStatus;
import cn.cdsw.tallybot.report.ReportService;

/**
 * {@code GET /api/v1/records} (a plain JSON array in id order) and {@code GET
 * /api/v1/records/{id}}.
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
    List<RecordJson> list(
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate to,
            @RequestParam(name = "district", required = false) @Nullable String district,
            @RequestParam(name = "unit", required = false) @Nullable String unit,
            @RequestParam(name = "status", required = false) @Nullable RecordStatus status) {
        return reports
            .search(RecordQueries.filter(dates.within("from", from), dates.within("to", to), district, unit, status))
            .stream()
            .map(RecordJson::of)
            .toList();
    }

    @GetMapping("/{id}")
    RecordJson one(@PathVariable("id") long id) {
        return reports.find(id)
            .map(RecordJson::of)
            .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no record #" + id), null));
    }

}
