package cn.cdsw.tallybot.summary;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One composed post: the Chinese text to post, an optional PNG bar chart, and whether it
 * is a catch-up post (补发) for a period whose post time passed while the bot was down.
 * {@code kind} says whether it is the daily summary of {@code date} or the weekly or
 * monthly report of the period starting on {@code date}.
 */
public record DailySummary(LocalDate date, String text, byte @Nullable [] chartPng, boolean catchUp, PostKind kind) {
    public DailySummary {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }

    /** The daily summary of {@code date}. */
    public DailySummary(LocalDate date, String text, byte @Nullable [] chartPng, boolean catchUp) {
        this(date, text, chartPng, catchUp, PostKind.DAILY);
    }
}
