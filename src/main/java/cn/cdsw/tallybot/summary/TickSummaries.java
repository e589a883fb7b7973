package cn.cdsw.tallybot.summary;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The posts of one tick: each (kind, date, catch-up) is composed once however many groups
 * receive it, and the daily composer hears {@link SummaryComposer#posted} once, after the
 * first group has it (the reports keep no snapshot). Delivered is heard on the sender
 * threads, so both are synchronized.
 */
final class TickSummaries {

    private final SummaryComposer composer;

    private final PeriodComposer reports;

    private final Map<Key, DailySummary> composed = new HashMap<>();

    private final Set<Key> posted = new HashSet<>();

    TickSummaries(SummaryComposer composer, PeriodComposer reports) {
        this.composer = composer;
        this.reports = reports;
    }

    synchronized DailySummary get(PostKind kind, LocalDate date, boolean catchUp) {
        return composed.computeIfAbsent(new Key(kind, date, catchUp),
                key -> kind == PostKind.DAILY ? composer.compose(date, catchUp) : reports.compose(kind, date, catchUp));
    }

    synchronized void delivered(DailySummary summary) {
        if (summary.kind() == PostKind.DAILY
                && posted.add(new Key(summary.kind(), summary.date(), summary.catchUp()))) {
            composer.posted(summary);
        }
    }

    private record Key(PostKind kind, LocalDate date, boolean catchUp) {
    }

}
