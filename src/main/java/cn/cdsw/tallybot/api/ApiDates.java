package cn.cdsw.tallybot.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.config.BotConfigProperties;
import cn.cdsw.tallybot.query.Period;

/**
 * Today in {@code tallybot.zone}, and the dates the admin API takes: those any query may
 * name ({@link Period#allows}, from 2000-01-01 to a year after today). Java's dates reach
 * from year -999999999, totals cover their range with one rollup period per month, and a
 * range from that far back kept a request looping, holding SQLite's one connection, while
 * a summary for it failed with a 500. A date outside is a 400 that names the parameter.
 */
@Component
class ApiDates {

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
        LocalDate today = today();
        if (!Period.allows(date, today)) {
            throw new BadParameterException(parameter, parameter + " must be a date from " + Period.EARLIEST + " to "
                    + Period.latest(today) + ", not " + date);
        }
        return date;
    }

}
