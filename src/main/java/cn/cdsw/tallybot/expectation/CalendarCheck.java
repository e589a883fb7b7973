package cn.cdsw.tallybot.expectation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when {@code calendar.yml} lacks this year or the next: without them
 * holidays count as working days and 调休 Saturdays as days off, so reminders would go out
 * on a holiday (docs/reminders.md §1).
 */
@Component
class CalendarCheck {

    private static final Logger log = LoggerFactory.getLogger(CalendarCheck.class);

    private final BotConfig config;

    private final Clock clock;

    private final ZoneId zone;

    CalendarCheck(BotConfig config, Clock clock, BotConfigProperties properties) {
        this.config = config;
        this.clock = clock;
        this.zone = properties.zone();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAboutMissingYears() {
        List<Integer> missing = config.calendar().missingYears(LocalDate.now(clock.withZone(zone)));
        if (!missing.isEmpty()) {
            log.warn("bot-config/calendar.yml has no holidays for {}: until they are added, holidays count as working "
                    + "days and adjusted working weekends (调休) as days off; add the State Council's schedule for {} "
                    + "to calendar.yml and restart", missing, missing);
        }
    }

}
