package cn.cdsw.tallybot.api;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cdsw.tallybot.summary.DailySummaryService;
import cn.cdsw.tallybot.summary.Delivery;

/**
 * {@code POST /api/v1/summary?date=}: compose the day's summary and post it to every
 * summary group now (a deliberate re-post); answers with the text and what each group
 * got. The date defaults to today.
 */
@RestController
class SummaryController {

    private final DailySummaryService summaries;

    private final ApiDates dates;

    SummaryController(DailySummaryService summaries, ApiDates dates) {
        this.summaries = summaries;
        this.dates = dates;
    }

    record DeliveryJson(@JsonProperty("platform") String platform, @JsonProperty("group_id") String groupId,
            @JsonProperty("sent") boolean sent, @JsonProperty("error") @Nullable String error) {
    }

    record SummaryJson(@JsonProperty("date") String date, @JsonProperty("text") @Nullable String text,
            @JsonProperty("deliveries") List<DeliveryJson> deliveries) {
    }

    @PostMapping("/api/v1/summary")
    SummaryJson post(
            @RequestParam(name = "date", required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate date) {
        LocalDate today = dates.today();
        LocalDate given = dates.within("date", date);
        LocalDate day = given != null ? given : today;
        if (day.isAfter(today)) {
            throw new BadParameterException("date", "date " + day + " is in the future");
        }
        List<Delivery> deliveries = summaries.postNow(day);
        String text = deliveries.isEmpty() ? null : deliveries.get(0).summary().text();
        return new SummaryJson(day.toString(), text,
                deliveries.stream()
                    .map(d -> new DeliveryJson(d.group().platform(), d.group().groupId(), d.sent(), d.error()))
                    .toList());
    }

}
