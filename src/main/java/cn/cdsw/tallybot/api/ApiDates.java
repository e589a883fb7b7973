package cn.cdsw.tallybot.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.config.BotConfigProperties;

/**
 * Today in {@code tallybot.zone}, and the dates the admin API takes: from 2000-01-01 to a
 * year after today. No station reported anything before 2000 or a year ahead, and a date
 * far outside is a typo or a probe, with a cost: Java's dates reach from year -999999999,
 * totals cover their range with one rollup period per month, and a range from that far
 * back kept a request looping, holding SQLite's one connection, while a summary for it
 * failed with a 500. A date outside is a 400 that names the parameter.
 */
@Component
class ApiDates {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final Clock clock;

    private final ZoneId zone;

    ApiDates(Clock clock, BotConfigProperties properties) {
        this.clock = clock;
        this.zone = properties.zone();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * The date, when it is absent or within the range; else a
     * {@link BadParameterException} naming the parameter.
     */
    @Nullable LocalDate within(String parameter, @Nullable LocalDate date) {
        if (date == null) {
            return null;
        }
        LocalDate latest = today().plusYears(1);
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            throw new BadParameterException(parameter,
                    parameter + " must be a date from " + EARLIEST + " to " + latest + ", not " + date);
        }
        return date;
    }

}
