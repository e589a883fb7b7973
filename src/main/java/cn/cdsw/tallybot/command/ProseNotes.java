package cn.cdsw.tallybot.command;

import java.util.List;

/**
 * What the read-back of a pasted paragraph says beside its figures, so that the sender
 * can see what was noticed and not taken as written: the counts left out (8个社区社工室,
 * 60名专职社工, 第3批, a figure written twice that could not be added up) and the figures
 * written per day, week or household (每天为百余名居民测温), which are kept as written and never
 * multiplied. Shown before 确认, never stored.
 */
public record ProseNotes(List<String> notCounted, List<PerPeriod> perPeriod) {

    public static final ProseNotes NONE = new ProseNotes(List.of(), List.of());

    public ProseNotes {
        notCounted = List.copyOf(notCounted);
        perPeriod = List.copyOf(perPeriod);
    }

    /** Which figure of the draft a per-period mark belongs to. */
    public enum Kind {

        /** {@code name} is the metric key. */
        METRIC,
        /** {@code name} is the item name. */
        ITEM,
        /** The materials total; {@code name} is empty. */
        MATERIALS_TOTAL

    }

    /**
     * A figure of the draft written per period or per recipient ({@code per}: 每天, 每周, 每户
     * …), identified by its kind, name and unit.
     */
    public record PerPeriod(String per, Kind kind, String name, String unit) {
    }

}
