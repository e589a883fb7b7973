package cn.cdsw.tallybot.summary;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The summaries of one tick: each (date, catch-up) is composed once however many groups
 * receive it, and the composer hears {@link SummaryComposer#posted} once, after the first
 * group has it. Delivered is heard on the sender threads, so both are synchronized.
 */
final class TickSummaries {

    private final SummaryComposer composer;

    private final Map<Key, DailySummary> composed = new HashMap<>();

    private final Set<Key> posted = new HashSet<>();

    TickSummaries(SummaryComposer composer) {
        this.composer = composer;
    }

    synchronized DailySummary get(LocalDate date, boolean catchUp) {
        return composed.computeIfAbsent(new Key(date, catchUp), key -> composer.compose(date, catchUp));
    }

    synchronized void delivered(DailySummary summary) {
        if (posted.add(new Key(summary.date(), summary.catchUp()))) {
            composer.posted(summary);
        }
    }

    private record Key(LocalDate date, boolean catchUp) {
    }

}
