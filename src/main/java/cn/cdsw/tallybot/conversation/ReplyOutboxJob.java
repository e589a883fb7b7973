package cn.cdsw.tallybot.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this replica's claim on the replies it has queued and resumes the pending replies
 * nobody holds (a stopped replica's, an earlier start's): at start-up and every
 * {@code tallybot.outbound.tick}, which must be well inside the lease.
 */
@Component
class ReplyOutboxJob {

    private static final Logger log = LoggerFactory.getLogger(ReplyOutboxJob.class);

    private final ReplyOutbox outbox;

    ReplyOutboxJob(ReplyOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        tick();
    }

    @Scheduled(fixedDelayString = "${tallybot.outbound.tick:15s}", initialDelayString = "${tallybot.outbound.tick:15s}")
    void tick() {
        try {
            outbox.resume();
        }
        catch (RuntimeException e) {
            // a database hiccup must not end the renewals: the next tick tries again
            log.error("Renewing or resuming pending replies failed; trying again next tick", e);
        }
    }

}
