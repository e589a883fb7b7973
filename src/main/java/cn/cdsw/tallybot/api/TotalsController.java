package cn.cdsw.tallybot.api;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.District;
import cn.cdsw.tallybot.query.QueryService;
import cn.cdsw.tallybot.query.Scope;

/**
 * {@code GET /api/v1/totals?from=&to=&district=&unit=}: totals of active records
 * (docs/api.md §3). Missing dates mean today in the configured zone; a district may be
 * given by name or alias.
 */
@RestController
class TotalsController {

    private final QueryService queries;

    private final BotConfig config;

    private final ApiDates dates;

    TotalsController(QueryService queries, BotConfig config, ApiDates dates) {
        this.queries = queries;
        this.config = config;
        this.dates = dates;
    }

    @GetMapping("/api/v1/totals")
    TotalsJson totals(
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate to,
            @RequestParam(name = "district", required = false) @Nullable String district,
            @RequestParam(name = "unit", required = false) @Nullable String unit) {
        LocalDate today = dates.today();
        var filter = RecordQueries.filter(dates.within("from", from), dates.within("to", to), null, unit, null);
        LocalDate fromDate = filter.from() != null ? filter.from() : filter.to() != null ? filter.to() : today;
        // never before fromDate: the filter refuses from > to, and a missing end is at
        // least the start
        LocalDate toDate = filter.to() != null ? filter.to() : fromDate.isAfter(today) ? fromDate : today;
        return TotalsJson.of(queries.totals(fromDate, toDate, new Scope(district(district), filter.unit())));
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

}
