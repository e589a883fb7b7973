package cn.cdsw.tallybot.summary;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * What a {@code summary_post} row delivers: the daily summary (日报) of one day, the weekly
 * report (周报) of a Monday-to-Sunday week, or the monthly report (月报) of a calendar month.
 * All three share the claims, retries and catch-up of docs/daily-summary.md §3–§8; the
 * kind only decides which period a post covers and when its slot comes.
 *
 * <p>
 * A period is named by its first day (the row's {@code summary_date}): the day, the
 * Monday of the week, the 1st of the month. Its slot is the day it is posted on: the day
 * itself in the evening, the Monday after the week, the 1st after the month.
 */
public enum PostKind {

    DAILY, WEEKLY, MONTHLY;

    /** The value stored in {@code summary_post.kind}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PostKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The first day of the period that contains {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
        };
    }

    /** The last day of the period that starts on {@code start}. */
    public LocalDate end(LocalDate start) {
        return next(start).minusDays(1);
    }

    /** The first day of the period after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAILY -> start.plusDays(1);
            case WEEKLY -> start.plusWeeks(1);
            case MONTHLY -> start.plusMonths(1);
        };
    }

    /** The first day of the period before the one starting on {@code start}. */
    public LocalDate previous(LocalDate start) {
        return switch (this) {
            case DAILY -> start.minusDays(1);
            case WEEKLY -> start.minusWeeks(1);
            case MONTHLY -> start.minusMonths(1);
        };
    }

    /**
     * The day a period is posted on: the day itself for the daily summary (in the
     * evening), the day after the period for a report.
     */
    LocalDate slotDay(LocalDate start) {
        return this == DAILY ? start : next(start);
    }

    /** The period posted on the slot day {@code slot}. */
    LocalDate periodOfSlot(LocalDate slot) {
        return this == DAILY ? slot : previous(slot);
    }

    /** The latest slot day on or before {@code day}. */
    LocalDate slotOnOrBefore(LocalDate day) {
        return start(day);
    }

    /**
     * How log lines and the progress name a post: {@code platform:group@date} for the
     * daily summary (as before there were reports), {@code platform:group@weekly:date}
     * for a report.
     */
    String postId(String platform, String groupId, LocalDate start) {
        return platform + ":" + groupId + "@" + (this == DAILY ? "" : code() + ":") + start;
    }

    /** What an operator does to post it again. */
    String repostHint(LocalDate start) {
        return switch (this) {
            case DAILY -> "POST /api/v1/summary?date=" + start;
            case WEEKLY -> "#周报 " + start;
            case MONTHLY -> "#月报 " + start;
        };
    }

}
