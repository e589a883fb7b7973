package cn.cdsw.tallybot.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.MetricDefinition;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;

/**
 * The figures read out of a paragraph, in the order they were written, and the notes the
 * read-back shows beside them. Unlike {@link DraftBuilder} nothing is refused here: a
 * figure that would not be stored as written (a fraction of a visit, above the ceiling)
 * is left out and noted, because the sender sees the list before anything is kept and can
 * send it corrected.
 * <p>
 * A metric written twice in one unit is added up when both stand in one sentence and
 * neither is cumulative (张贴海报300余张，发放告知书1500份 is 宣传1800份); a second one after 其中 is a
 * part of the first and is not added; any other repeat (累计走访1200户 … 本周走访36户) is a
 * conflict the bot cannot settle, so neither is kept and both are noted.
 */
final class ProseFigures {

    /**
     * Where a quantity stands: its sentence and clause, whether its clause is cumulative
     * (累计) or follows a part word (其中), the per-period word governing it (or null), and
     * its text.
     */
    record Where(int sentence, int clause, boolean scoped, boolean part, @Nullable String per, String raw) {
    }

    private static final class Entry {

        final MetricDefinition definition;

        final String unit;

        long value;

        boolean approx;

        final Where first;

        boolean scoped;

        boolean conflicted;

        final List<String> raws = new ArrayList<>();

        Entry(MetricDefinition definition, String unit, long value, boolean approx, Where first) {
            this.definition = definition;
            this.unit = unit;
            this.value = value;
            this.approx = approx;
            this.first = first;
            this.scoped = first.scoped();
            this.raws.add(first.raw());
        }

    }

    private final BotConfig config;

    private final List<Entry> metrics = new ArrayList<>();

    private final List<Item> items = new ArrayList<>();

    private final List<ProseNotes.PerPeriod> perPeriod = new ArrayList<>();

    private final Set<String> notCounted = new LinkedHashSet<>();

    private @Nullable Long explicitTotal;

    private @Nullable BigDecimal valueYuan;

    ProseFigures(BotConfig config) {
        this.config = config;
    }

    /**
     * Takes the figure when the metric takes the unit; false when it does not (the caller
     * tries another).
     */
    boolean metric(MetricDefinition definition, Token.Quantity q, Where where) {
        if (q.unit() == null || definition.canonicalUnit(q.unit()).isEmpty()) {
            return false;
        }
        String unit = definition.canonicalUnit(q.unit()).get();
        if (!whole(q.value(), definition.ceiling())) {
            note(where.raw());
            return true;
        }
        long value = q.value().longValueExact();
        Entry same = metrics.stream()
            .filter(e -> e.definition.key().equals(definition.key()) && e.unit.equals(unit))
            .findFirst()
            .orElse(null);
        if (same == null) {
            metrics.add(new Entry(definition, unit, value, q.approx(), where));
            return true;
        }
        if (same.conflicted || where.part()) {
            note(where.raw());
            return true;
        }
        same.raws.add(where.raw());
        if (addsUp(same, where) && same.value + value <= definition.ceiling()) {
            same.value += value;
            same.approx = same.approx || q.approx();
            same.scoped = same.scoped || where.scoped();
        }
        else {
            same.conflicted = true;
            same.raws.forEach(this::note);
        }
        return true;
    }

    private static boolean addsUp(Entry same, Where where) {
        Where first = same.first;
        if (first.sentence() != where.sentence() || first.per() != null || where.per() != null) {
            return false;
        }
        return first.clause() == where.clause() || !(same.scoped && where.scoped());
    }

    void item(String name, Token.Quantity q, Where where) {
        String unit = q.unit();
        if (unit == null || !whole(q.value(), config.materials().ceiling())
                || items.stream().anyMatch(i -> i.name().equals(name) && i.unit().equals(unit))) {
            note(where.raw());
            return;
        }
        items.add(new Item(name, q.value().longValueExact(), unit, q.approx()));
        if (where.per() != null) {
            perPeriod.add(new ProseNotes.PerPeriod(where.per(), ProseNotes.Kind.ITEM, name, unit));
        }
    }

    void materialsTotal(Token.Quantity q, Where where) {
        if (explicitTotal != null || !whole(q.value(), config.materials().ceiling())) {
            note(where.raw());
            return;
        }
        explicitTotal = q.value().longValueExact();
        if (where.per() != null) {
            perPeriod.add(new ProseNotes.PerPeriod(where.per(), ProseNotes.Kind.MATERIALS_TOTAL, "",
                    config.materials().totalUnit()));
        }
    }

    void value(Token.Quantity q, Where where) {
        BigDecimal yuan = q.value();
        if (valueYuan != null || yuan.stripTrailingZeros().scale() > 2
                || yuan.compareTo(config.materials().valueCeilingYuan()) > 0) {
            note(where.raw());
            return;
        }
        valueYuan = yuan;
    }

    /** A count seen in the text and not taken as a figure, as it was written. */
    void note(String written) {
        notCounted.add(written);
    }

    boolean isEmpty() {
        return metrics().isEmpty() && items.isEmpty() && explicitTotal == null && valueYuan == null;
    }

    List<Metric> metrics() {
        return metrics.stream()
            .filter(e -> !e.conflicted)
            .map(e -> new Metric(e.definition.key(), e.unit, e.value, e.approx))
            .toList();
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    @Nullable Long explicitTotal() {
        return explicitTotal;
    }

    @Nullable BigDecimal valueYuan() {
        return valueYuan;
    }

    ProseNotes notes() {
        List<ProseNotes.PerPeriod> marks = new ArrayList<>();
        for (Entry e : metrics) {
            if (!e.conflicted && e.first.per() != null) {
                marks.add(new ProseNotes.PerPeriod(e.first.per(), ProseNotes.Kind.METRIC, e.definition.key(), e.unit));
            }
        }
        marks.addAll(perPeriod);
        return new ProseNotes(List.copyOf(notCounted), marks);
    }

    private static boolean whole(BigDecimal value, long ceiling) {
        return value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0
                && value.compareTo(BigDecimal.valueOf(ceiling)) <= 0;
    }

}
