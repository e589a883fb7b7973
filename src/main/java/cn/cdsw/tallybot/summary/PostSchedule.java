package cn.cdsw.tallybot.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Which period's post of a kind is due at an instant, and whether posting it now is a
 * catch-up (补发). Both answers depend only on the instant, so every tick, a restart and
 * every replica reach the same ones. The daily summary's period is the day, posted that
 * evening; the weekly report's is last week, posted on Monday; the monthly report's is
 * last month, posted on the 1st ({@link PostKind}).
 *
 * @param kind which post
 * @param zone the zone whose calendar days are counted ({@code tallybot.zone}, never the
 * JVM default)
 * @param time the local post time
 * @param onTimeWindow how long after the post time a post still counts as on time
 */
record PostSchedule(PostKind kind, ZoneId zone, LocalTime time, Duration onTimeWindow, Instant installedAt) {

    PostSchedule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(onTimeWindow, "onTimeWindow");
        Objects.requireNonNull(installedAt, "installedAt");
    }

    /** The daily summary's schedule. */
    PostSchedule(ZoneId zone, LocalTime time, Duration onTimeWindow, Instant installedAt) {
        this(PostKind.DAILY, zone, time, onTimeWindow, installedAt);
    }

    /**
     * A daily schedule for a bot that has always been there, so every due date is owed.
     */
    PostSchedule(ZoneId zone, LocalTime time, Duration onTimeWindow) {
        this(zone, time, onTimeWindow, Instant.EPOCH);
    }

    /**
     * Whether the bot owes {@code date}'s summary: only if it was installed before that
     * post time's on-time window closed. A bot first started at 23:00, or the next
     * morning, has no 补发 to make for a day it never saw.
     */
    boolean owed(LocalDate date) {
        return !installedAt.isAfter(postTime(date).plus(onTimeWindow));
    }

    /**
     * The period of the latest slot that has come: for the daily summary today once the
     * local post time has come, else yesterday (before 20:00 the most recent summary that
     * should exist is yesterday's, which a bot that was down at yesterday's post time
     * still owes); for the weekly report last week from Monday's post time on, else the
     * week before; for the monthly report likewise from the 1st. Older periods are never
     * due, so a long outage costs one catch-up post, not a backlog.
     */
    LocalDate dueDate(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate slot = kind.slotOnOrBefore(local.toLocalDate());
        if (local.toLocalDateTime().isBefore(slot.atTime(time))) {
            slot = kind.slotOnOrBefore(slot.minusDays(1));
        }
        return kind.periodOfSlot(slot);
    }

    /** The instant the post of the period starting on {@code date} is scheduled for. */
    Instant postTime(LocalDate date) {
        return kind.slotDay(date).atTime(time).atZone(zone).toInstant();
    }

    /**
     * True when a post of {@code date} made at {@code now} is late enough to be marked
     * 补发.
     */
    boolean isCatchUp(LocalDate date, Instant now) {
        return now.isAfter(postTime(date).plus(onTimeWindow));
    }
}
