package cn.cdsw.tallybot.reminder;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled trigger of the reminders: every {@code tallybot.reminder.tick} it asks
 * {@link ReminderService#remindDue} what is due. Every replica ticks; the claims decide
 * who sends. Off with {@code tallybot.reminder.enabled=false}, which is how tests drive
 * {@code remindDue} with their own clock.
 */
@Component
@ConditionalOnBooleanProperty(name = "tallybot.reminder.enabled", matchIfMissing = true)
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final ReminderService service;

    private final Clock clock;

    ReminderJob(ReminderService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tallybot.reminder.tick:30s}",
            initialDelayString = "${tallybot.reminder.initial-delay:5s}")
    void tick() {
        try {
            service.remindDue(clock.instant());
        }
        catch (RuntimeException e) {
            log.error("Reminder tick failed; trying again next tick", e);
        }
    }

}
