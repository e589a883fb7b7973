package cn.cdsw.tallybot.command;

import java.util.Locale;

/**
 * Why a command was refused, in the short closed set an operator counts refusals by (a
 * metric tag). The {@link Refusal} carries the details the reply needs; this is never the
 * text.
 */
public enum RefusalReason {

    /** A clause that reads as nothing the grammar knows. */
    UNREADABLE,
    /** {@code 某某：…} with a field name that is not one. */
    UNKNOWN_FIELD,
    /** A district that is not one of Chengdu's. */
    UNKNOWN_DISTRICT,
    /** A unit one edit away from a unit its district lists. */
    UNKNOWN_UNIT,
    /** A category not in the list. */
    UNKNOWN_CATEGORY,
    /** A date that cannot be read. */
    UNREADABLE_DATE,
    /** A date that has not come yet. */
    FUTURE_DATE,
    /** A date older than the backdate window (a coordinator may still report it). */
    TOO_OLD,
    /** A figure above its per-report ceiling. */
    CEILING,
    /** A negative figure. */
    NEGATIVE,
    /** A fraction where only whole numbers count. */
    NOT_WHOLE,
    /** A figure without its unit of measure (户, 人次, 袋 …) where the metric has several. */
    MEASURE_MISSING,
    /** A figure in a unit of measure its metric does not take. */
    MEASURE_WRONG,
    /** A material without its name. */
    ITEM_WITHOUT_NAME,
    /** The same figure written twice in one report. */
    DUPLICATE,
    /** Two districts, units or dates in one report. */
    CONFLICT,
    /** A report without a single figure. */
    NO_FIGURES,
    /**
     * A command missing what its form needs (#绑定 without a unit, #撤回 with a word, a query
     * word …).
     */
    FORM,
    /** A command that is not open yet. */
    NOT_AVAILABLE,
    /**
     * A typed field (unit name, note, material name) or a whole command over its length
     * limit.
     */
    TOO_LONG;

    /** The value of a metric tag: lower case with underscores. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

}
