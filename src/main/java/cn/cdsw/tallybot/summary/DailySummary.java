package cn.cdsw.tallybot.summary;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One composed daily summary: the Chinese text to post, an optional PNG bar chart, and
 * whether it is a catch-up post (补发) for a day whose post time passed while the bot was
 * down.
 */
public record DailySummary(LocalDate date, String text, byte @Nullable [] chartPng, boolean catchUp) {
    public DailySummary {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
    }
}
