package cn.cdsw.tallybot.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cdsw.tallybot.summary.DailySummaryService;
import cn.cdsw.tallybot.summary.Delivery;

/**
 * {@code POST /api/v1/summary?date=}: compose the day's summary and queue it for every
 * summary group now (a deliberate re-post); answers 202 at once with the text and each
 * post's id and status, while the posts leave at their groups' pace.
 * {@code GET /api/v1/summary?date=} shows how far each group's post of that day got. The
 * date defaults to today.
 */
@RestController
class SummaryController {

    private final DailySummaryService summaries;

    private final ApiDates dates;

    private final Clock clock;

    SummaryController(DailySummaryService summaries, ApiDates dates, Clock clock) {
        this.summaries = summaries;
        this.dates = dates;
        this.clock = clock;
    }

    record DeliveryJson(@JsonProperty("id") String id, @JsonProperty("platform") String platform,
            @JsonProperty("group_id") String groupId, @JsonProperty("status") String status,
            @JsonProperty("error") @Nullable String error) {
    }

    record SummaryJson(@JsonProperty("date") String date, @JsonProperty("text") @Nullable String text,
            @JsonProperty("deliveries") List<DeliveryJson> deliveries) {
    }

    record PostJson(@JsonProperty("id") String id, @JsonProperty("platform") String platform,
            @JsonProperty("group_id") String groupId, @JsonProperty("status") String status,
            @JsonProperty("attempts") int attempts, @JsonProperty("sent_at") @Nullable String sentAt,
            @JsonProperty("error") @Nullable String error) {
    }

    record ProgressJson(@JsonProperty("date") String date, @JsonProperty("posts") List<PostJson> posts) {
    }

    @PostMapping("/api/v1/summary")
    ResponseEntity<SummaryJson> post(
            @RequestParam(name = "date", required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate date) {
        LocalDate day = day(date);
        List<Delivery> deliveries = summaries.postNow(day);
        String text = deliveries.isEmpty() ? null : deliveries.get(0).summary().text();
        return ResponseEntity.accepted()
            .body(new SummaryJson(day.toString(), text, deliveries.stream()
                .map(d -> new DeliveryJson(d.id(), d.group().platform(), d.group().groupId(), d.status(), d.error()))
                .toList()));
    }

    @GetMapping("/api/v1/summary")
    ProgressJson progress(
            @RequestParam(name = "date", required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate date) {
        LocalDate day = day(date);
        return new ProgressJson(day.toString(),
                summaries.progress(day, clock.instant())
                    .stream()
                    .map(p -> new PostJson(p.id(), p.group().platform(), p.group().groupId(), p.status(), p.attempts(),
                            p.sentAt() == null ? null : p.sentAt().toString(), p.lastError()))
                    .toList());
    }

    private LocalDate day(@Nullable LocalDate date) {
        LocalDate today = dates.today();
        LocalDate given = dates.within("date", date);
        LocalDate day = given != null ? given : today;
        if (day.isAfter(today)) {
            throw new BadParameterException("date", "date " + day + " is in the future");
        }
        return day;
    }

}
