package cn.cdsw.tallybot.summary;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tallybot.summary.*}: when the evening tally is posted and how hard delivery
 * tries (docs/daily-summary.md §9). The post time is a local time in
 * {@code tallybot.zone}, not a cron string, because the tick compares it with the instant
 * itself.
 *
 * @param enabled whether the scheduled tick runs; {@link DailySummaryService#postNow}
 * works either way
 * @param time local post time ({@code TALLYBOT_SUMMARY_TIME}, e.g. {@code 20:00})
 * @param onTimeWindow a post claimed later than this after {@code time} is a catch-up
 * post (补发)
 * @param images attach the composer's chart when there is one
 * @param retryInitial ceiling of the first retry delay; it doubles per failed attempt
 * @param retryMax the doubling stops here
 * @param retryFor a post not delivered this long after it was claimed is abandoned with
 * one ERROR line
 * @param tick how often the job asks what is due
 * @param initialDelay first tick after start-up; this tick is what posts a missed summary
 * (补发)
 * @param changeMinBase the smallest figure of the day before that the change against it
 * is given as a percentage from; below it the post shows both days' figures, since a
 * percentage of a small base (3 → 12: +300%) says more about chance than about work
 * @param skipDaysOff no scheduled daily post on a day nobody reports: a holiday or
 * weekend of {@code calendar.yml} without a campaign turned on (docs/reminders.md §2)
 * @param weekly the weekly report (周报), posted on Monday for the week before
 * @param monthly the monthly report (月报), posted on the 1st for the month before
 * @param chartOrder how the chart orders the districts: {@code figure} (the charted
 * figure, largest first) or {@code official} (the order of districts.yml)
 */
@ConfigurationProperties("tallybot.summary")
record SummaryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20:00") LocalTime time,
        @DefaultValue("10m") Duration onTimeWindow, @DefaultValue("true") boolean images,
        @DefaultValue("30s") Duration retryInitial, @DefaultValue("30m") Duration retryMax,
        @DefaultValue("6h") Duration retryFor, @DefaultValue("1m") Duration tick,
        @DefaultValue("5s") Duration initialDelay, @DefaultValue("20") long changeMinBase,
        @DefaultValue("false") boolean skipDaysOff, @DefaultValue Report weekly, @DefaultValue Report monthly,
        @DefaultValue("figure") ChartOrder chartOrder) {

    /**
     * When a report is posted on its day (Monday for the week, the 1st for the month).
     *
     * @param enabled whether the scheduled tick posts it; {@code #周报} and {@code #月报}
     * post it on request either way
     * @param time local post time on its day, in {@code tallybot.zone}
     */
    record Report(@DefaultValue("true") boolean enabled, @DefaultValue("09:00") LocalTime time) {
    }

    SummaryProperties {
        requirePositive("on-time-window", onTimeWindow);
        requirePositive("retry-initial", retryInitial);
        requirePositive("retry-max", retryMax);
        requirePositive("retry-for", retryFor);
        requirePositive("tick", tick);
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("tallybot.summary.initial-delay must not be negative");
        }
        if (changeMinBase < 1) {
            throw new IllegalArgumentException(
                    "tallybot.summary.change-min-base must be at least 1, was " + changeMinBase);
        }
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("tallybot.summary.retry-max must not be below retry-initial");
        }
        if (onTimeWindow.compareTo(Duration.ofHours(12)) >= 0) {
            // Beyond half a day "on time" would swallow the catch-up of the previous
            // evening.
            throw new IllegalArgumentException("tallybot.summary.on-time-window must be under 12h");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("tallybot.summary." + name + " must be positive, was " + value);
        }
    }
}
