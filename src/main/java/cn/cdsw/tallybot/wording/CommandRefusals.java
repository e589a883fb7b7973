package cn.cdsw.tallybot.wording;

import java.time.Duration;
import java.time.LocalDate;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.CommandType;

/**
 * The refusals of a command the grammar read well: a coordinator's command from a member,
 * a sender over the rate limit, a summary that cannot be posted. Each says why and what
 * to do instead.
 */
public final class CommandRefusals {

    private final BotConfig config;

    private final FigureStyle figures;

    private final Template coordinatorsOnly;

    private final Template tooFast;

    private final String perMinute;

    private final Template perMinutes;

    private final Template perSeconds;

    private final Template summaryNotYet;

    private final String summaryNoGroups;

    private final Template reportNotFinished;

    private final String weekly;

    private final String monthly;

    private final String storageBusy;

    private final String storageUnavailable;

    private final String tooSlow;

    CommandRefusals(Catalogue c, BotConfig config, FigureStyle figures) {
        this.config = config;
        this.figures = figures;
        coordinatorsOnly = c.template("refusals.coordinators-only", "command");
        tooFast = c.template("refusals.too-fast", "window", "limit", "seconds");
        perMinute = c.text("refusals.per-minute");
        perMinutes = c.template("refusals.per-minutes", "minutes");
        perSeconds = c.template("refusals.per-seconds", "seconds");
        summaryNotYet = c.template("refusals.summary-not-yet", "day");
        summaryNoGroups = c.text("refusals.summary-no-groups");
        reportNotFinished = c.template("refusals.report-not-finished", "period", "what");
        weekly = c.text("report.weekly");
        monthly = c.text("report.monthly");
        storageBusy = c.text("refusals.storage-busy");
        storageUnavailable = c.text("refusals.storage-unavailable");
        tooSlow = c.text("refusals.too-slow");
    }

    /**
     * The database stopped the command's work at the statement timeout; nothing of it was
     * stored (docs/storage.md §12).
     */
    public String tooSlow() {
        return tooSlow;
    }

    /** A member used a coordinator's command (who may do what: docs/domain.md §10). */
    public String coordinatorsOnly(CommandType command) {
        return coordinatorsOnly.fill(config.commands().primary(command));
    }

    /**
     * A sender over the command budget of {@code limit} per {@code window}, who may send
     * again in so long.
     */
    public String tooFast(int limit, Duration window, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return tooFast.fill(per(window), figures.number(limit), figures.number(seconds));
    }

    private String per(Duration window) {
        if (window.equals(Duration.ofMinutes(1))) {
            return perMinute;
        }
        return window.toSeconds() % 60 == 0 ? perMinutes.fill(figures.number(window.toMinutes()))
                : perSeconds.fill(figures.number(window.toSeconds()));
    }

    /** #日报 for a day that has not come yet. */
    public String summaryNotYet(LocalDate day) {
        return summaryNotYet.fill(figures.day(day));
    }

    /** #周报 or #月报 for a period that has not ended yet. */
    public String reportNotFinished(ReportSpan span, LocalDate start) {
        return reportNotFinished.fill(figures.period(span, start), span == ReportSpan.MONTH ? monthly : weekly);
    }

    /** #日报 with no group configured to receive it. */
    public String summaryNoGroups() {
        return summaryNoGroups;
    }

    /**
     * The database stayed locked by another writer for longer than the bot waits: nothing
     * was stored, and sending again shortly will most likely work.
     */
    public String storageBusy() {
        return storageBusy;
    }

    /**
     * The database cannot take writes (full, read-only): nothing was stored; an operator
     * has to act, the member can only send again later.
     */
    public String storageUnavailable() {
        return storageUnavailable;
    }

}
