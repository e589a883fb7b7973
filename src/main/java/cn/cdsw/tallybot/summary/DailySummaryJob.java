package cn.cdsw.tallybot.summary;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled trigger of the daily summary: every {@code tallybot.summary.tick} it asks
 * {@link DailySummaryService#postDue} what is due, an idempotent question
 * (docs/daily-summary.md §4). The first tick, shortly after start-up, is what posts a
 * summary missed while the bot was down. At start-up it also logs any post a crash left
 * in {@code sending}, for an operator to check. Off with
 * {@code tallybot.summary.enabled=false}, which is also how tests drive {@code postDue}
 * with their own clock. With several replicas every replica ticks: the claims in the
 * database decide which one sends each post, so a lock around the tick would only save
 * composing twice.
 */
@Component
@ConditionalOnBooleanProperty(name = "tallybot.summary.enabled", matchIfMissing = true)
class DailySummaryJob {

    private static final Logger log = LoggerFactory.getLogger(DailySummaryJob.class);

    private final DailySummaryService service;

    private final Clock clock;

    DailySummaryJob(DailySummaryService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportInterrupted() {
        service.reportInterrupted();
    }

    @Scheduled(fixedDelayString = "${tallybot.summary.tick:1m}",
            initialDelayString = "${tallybot.summary.initial-delay:5s}")
    void tick() {
        try {
            service.postDue(clock.instant());
        }
        catch (RuntimeException e) {
            // A broken composer or database must not end the evening's retries: log with
            // context, tick again.
            log.error("Daily summary tick failed; trying again next tick", e);
        }
    }

}
