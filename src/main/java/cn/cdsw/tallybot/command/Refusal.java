package cn.cdsw.tallybot.command;

import java.util.List;

import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.config.InputLimits;
import cn.cdsw.tallybot.config.ReportField;

/**
 * What the grammar could not accept, as a value: the fragment it names and what was wrong
 * with it, with the facts a reply needs (the metric, the ceiling, the nearest districts).
 * The grammar knows which words it reads, not how the bot talks: the wording module turns
 * each of these into the reply (docs/commands.md §8), and {@link #reason()} is the short
 * closed set operators count refusals by.
 */
public sealed interface Refusal {

    /**
     * The part of the message that could not be read; empty when the refusal is about the
     * whole message.
     */
    String fragment();

    RefusalReason reason();

    /** A clause that reads as nothing the grammar knows. */
    record NotUnderstood(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.UNREADABLE;
        }
    }

    /**
     * A clause whose word is one edit away from a metric word, with its figures as the
     * metric would read them ({@code 走方10户} → {@code 走访10户}).
     */
    record UnknownMetric(String fragment, String suggestion) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.UNREADABLE;
        }
    }

    /**
     * An item with its quantity outside a 物资 field: 口罩500个 where no materials were
     * introduced.
     */
    record ItemOutsideMaterials(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.UNREADABLE;
        }
    }

    /** {@code 某某：…} whose field name {@code field} is not one. */
    record UnknownField(String fragment, String field) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.UNKNOWN_FIELD;
        }
    }

    /**
     * A district that is not one of Chengdu's, with the closest names (possibly none).
     */
    record UnknownDistrict(String fragment, List<String> nearest) implements Refusal {
        public UnknownDistrict {
            nearest = List.copyOf(nearest);
        }

        public RefusalReason reason() {
            return RefusalReason.UNKNOWN_DISTRICT;
        }
    }

    /**
     * A unit one edit away from {@code meant}, a unit units.yml lists for
     * {@code district}: 三圣街到社工站 for 三圣街道社工站.
     */
    record UnknownUnit(String fragment, String district, String meant) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.UNKNOWN_UNIT;
        }
    }

    /** A category not in categories.yml. */
    record UnknownCategory(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.UNKNOWN_CATEGORY;
        }
    }

    record UnreadableDate(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.UNREADABLE_DATE;
        }
    }

    record FutureDate(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.FUTURE_DATE;
        }
    }

    /**
     * A date more than {@code days} back, from a member (a coordinator may still report
     * it).
     */
    record TooOld(String fragment, int days) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.TOO_OLD;
        }
    }

    /** A figure above its per-report {@code ceiling}, counted in {@code unit}. */
    record TooLarge(String fragment, long ceiling, String unit) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.CEILING;
        }
    }

    record Negative(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.NEGATIVE;
        }
    }

    /** A fraction where only whole numbers count. */
    record NotWhole(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.NOT_WHOLE;
        }
    }

    /**
     * A figure of the metric {@code metricKey} without its unit, where the metric has
     * several.
     */
    record MetricUnitMissing(String fragment, String metricKey) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.MEASURE_MISSING;
        }
    }

    /** A figure of the metric {@code metricKey} in a unit the metric does not take. */
    record MetricUnitWrong(String fragment, String metricKey) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.MEASURE_WRONG;
        }
    }

    /** An item without its unit: 大米224. */
    record ItemUnitMissing(String fragment, String item) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.MEASURE_MISSING;
        }
    }

    /** An item in a unit that is not a materials unit. */
    record ItemUnitWrong(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.MEASURE_WRONG;
        }
    }

    /** A materials total in another unit than the configured total unit: 物资100袋. */
    record TotalUnitWrong(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.MEASURE_WRONG;
        }
    }

    /** A value in another unit than 元 or 万元. */
    record ValueUnitWrong(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.MEASURE_WRONG;
        }
    }

    /** A quantity in a materials list without an item name. */
    record ItemWithoutName(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.ITEM_WITHOUT_NAME;
        }
    }

    /** The same figure written twice in one report. */
    record Duplicate(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.DUPLICATE;
        }
    }

    /** A second, different district, unit or date in one report. */
    record Conflict(String fragment, ReportField field) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.CONFLICT;
        }
    }

    /** A report (or correction) without a single figure (or field). */
    record NoFigures() implements Refusal {
        public String fragment() {
            return "";
        }

        public RefusalReason reason() {
            return RefusalReason.NO_FIGURES;
        }
    }

    /**
     * A pasted paragraph in which no figure of the dictionary could be read (only counts
     * of places or staff, or none at all).
     */
    record NoFiguresInProse() implements Refusal {
        public String fragment() {
            return "";
        }

        public RefusalReason reason() {
            return RefusalReason.NO_FIGURES;
        }
    }

    /** #绑定, #撤回 or #更正 without what its form needs. */
    record IncompleteCommand(String fragment, CommandType command) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.FORM;
        }
    }

    /**
     * A word of a query ({@code command}: 统计, 排行, 明细, 未报, 日报) that is no scope, period or
     * figure.
     */
    record UnknownQueryWord(String fragment, CommandType command) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.FORM;
        }
    }

    /** A period of several days where the command takes one day (未报, 日报). */
    record NotOneDay(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.FORM;
        }
    }

    /**
     * A period that begins before the first day a query may name
     * ({@code cn.cdsw.tallybot.query.Period#EARLIEST}): {@code 1999年12月},
     * {@code 0001-01-01~今天}.
     */
    record PeriodTooEarly(String fragment) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.FORM;
        }
    }

    /** A command that is recognised but not open yet. */
    record NotAvailable(String fragment, CommandType command) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.NOT_AVAILABLE;
        }
    }

    /**
     * A unit name, note, material name or whole command longer than {@code grammar.yml}'s
     * {@code max-length} allows; {@code fragment} is only its beginning, so that the
     * reply does not echo the whole text.
     */
    record TooLong(String fragment, InputLimits.Field field, int limit) implements Refusal {
        public RefusalReason reason() {
            return RefusalReason.TOO_LONG;
        }
    }

    /**
     * A pasted bulletin over the limits of {@code prose.yml} (bulletin max-stations,
     * max-characters): nothing of it is read.
     */
    record BulletinTooLarge(int stations, int maxStations, int characters, int maxCharacters) implements Refusal {
        public String fragment() {
            return "";
        }

        public RefusalReason reason() {
            return RefusalReason.TOO_LONG;
        }
    }

}
